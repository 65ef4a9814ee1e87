package io.circuitos.tasks.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.engine.sandbox.RegisteredTasks;
import io.circuitos.tasks.TaskCatalogue;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Camunda Modeler element templates (Camunda 7) for every service task and listener of the {@link TaskCatalogue},
 * so an analyst fills in a form instead of writing bean names and input names: a dropdown of the shipped
 * models or prompts where an input must name one, text fields for the other inputs bound in the BPMN (those
 * read from the run are named in the description), and the outputs as variables to map to. Generated from
 * the catalogue, so they cannot drift from what the deployment guard allows; {@code element-templates/}
 * holds the output.
 */
public final class ElementTemplates {

    public static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema@0.22.1/resources/schema.json";
    public static final String ID_PREFIX = "io.circuitos.";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ElementTemplates() {
    }

    /** File name → template, for the service tasks and listeners of the shipped catalogue. */
    public static Map<String, ObjectNode> all(Collection<String> models, Collection<String> prompts) {
        return all(TaskCatalogue.shipped(), models, prompts);
    }

    /** File name → template, for the service tasks and listeners of {@code catalogue}. */
    public static Map<String, ObjectNode> all(TaskCatalogue catalogue, Collection<String> models, Collection<String> prompts) {
        Map<String, ObjectNode> templates = new LinkedHashMap<>();
        for (TaskSpec task : catalogue.all()) {
            if (task.kind() == RegisteredTasks.Kind.SERVICE_TASK) {
                templates.put(task.name() + ".json", serviceTask(task, catalogue, models, prompts));
            } else if (task.kind() == RegisteredTasks.Kind.EXECUTION_LISTENER) {
                templates.put(task.name() + ".json", listener(task));
            }
        }
        return templates;
    }

    public static String id(String task) {
        return ID_PREFIX + task;
    }

    private static ObjectNode serviceTask(TaskSpec task, TaskCatalogue catalogue, Collection<String> models, Collection<String> prompts) {
        ObjectNode template = header(task, List.of("bpmn:ServiceTask", "bpmn:SendTask"), "circuitos "
                + task.agent().map(agent -> agent + " task").orElse("generic task") + " ${" + task.name() + "}: " + task.description()
                + " Side effects: " + task.sideEffect().orElse("none") + "."
                + (task.errors().isEmpty() ? ""
                        : " Can raise BPMN error " + String.join(", ", task.errors()) + ": attach a boundary error event.")
                + fromTheRun(task)
                + (task.also().isEmpty() ? "" : " Also writes " + task.also().stream().map(TaskSpec.Also::label)
                        .collect(Collectors.joining(", ")) + "."));
        ArrayNode properties = template.putArray("properties");
        hidden(properties, "Implementation", "${" + task.name() + "}", binding("property", "camunda:delegateExpression"));
        ObjectNode async = properties.addObject();
        async.put("label", "Asynchronous before (its own transaction, retried by the engine)");
        async.put("type", "Boolean");
        async.put("value", false);
        async.set("binding", binding("property", "camunda:asyncBefore"));
        for (TaskInput<?> input : boundInputs(task)) {
            ObjectNode property = properties.addObject();
            property.put("label", label(input.name()) + (input.isRequired() ? "" : " (optional)"));
            property.put("description", input.type().label() + ": " + input.description());
            Collection<String> choices = input.refers().isModel() ? models : input.refers() == RegisteredTasks.Refers.PROMPT ? prompts : null;
            List<TaskSpec> tools = input.refers() == RegisteredTasks.Refers.TOOLS ? catalogue.tools() : List.of();
            if (!tools.isEmpty()) {
                property.put("type", "String");
                property.put("description", input.type().label() + ": " + input.description() + ". Choose from: " + tools.stream()
                        .map(t -> t.name() + " (" + t.title() + ")").collect(Collectors.joining(", ")));
                String names = tools.stream().map(TaskSpec::name).collect(Collectors.joining("|"));
                property.putObject("constraints").putObject("pattern")
                        .put("value", "^\\s*(" + names + ")\\s*(,\\s*(" + names + ")\\s*)*$")
                        .put("message", "comma-separated tools of the catalogue: " + String.join(", ", tools.stream().map(TaskSpec::name).toList()));
            } else if (choices != null) {
                property.put("type", "Dropdown");
                ArrayNode options = property.putArray("choices");
                choices.stream().sorted().forEach(choice -> options.addObject().put("name", choice).put("value", choice));
                property.put("value", choices.stream().sorted().findFirst().orElse(""));
            } else {
                property.put("type", "String");
            }
            ObjectNode inputBinding = JSON.createObjectNode().put("type", "camunda:inputParameter").put("name", input.name());
            property.set("binding", inputBinding);
            if (input.isRequired()) {
                (property.has("constraints") ? (ObjectNode) property.get("constraints") : property.putObject("constraints")).put("notEmpty", true);
            }
        }
        if (task.inputs().stream().anyMatch(i -> i.refers() == RegisteredTasks.Refers.TOOLS)) {
            toolBindings(properties, task, catalogue);
        }
        if (task.mapsOutputs()) {
            for (TaskOutput<?> output : task.outputs()) {
                ObjectNode property = properties.addObject();
                property.put("label", "Result " + output.name() + " → process variable");
                property.put("description", "the variable that receives " + output.name() + " (${" + output.name() + "}, "
                        + output.type().label() + "): " + output.description());
                property.put("type", "String");
                property.put("value", output.name());
                property.set("binding", JSON.createObjectNode().put("type", "camunda:outputParameter")
                        .put("source", "${" + output.name() + "}"));
            }
        }
        return template;
    }

    /**
     * The inputs of the catalogue's tools the model may not fill: the analyst binds them on the agent task (e.g. the
     * run's own email address), and every tool that takes an input of that name gets that value.
     */
    private static void toolBindings(ArrayNode properties, TaskSpec agent, TaskCatalogue catalogue) {
        Map<String, List<String>> usedBy = new LinkedHashMap<>();
        Map<String, TaskInput<?>> first = new LinkedHashMap<>();
        for (TaskSpec tool : catalogue.tools()) {
            for (TaskInput<?> input : tool.inputs()) {
                if (input.source() == TaskInput.Source.BOUND && agent.input(input.name()).isEmpty()) {
                    usedBy.computeIfAbsent(input.name(), n -> new java.util.ArrayList<>()).add(tool.name());
                    first.putIfAbsent(input.name(), input);
                }
            }
        }
        usedBy.forEach((name, tools) -> {
            ObjectNode property = properties.addObject();
            property.put("label", "Tool input: " + label(name) + " (optional)");
            property.put("description", first.get(name).type().label() + ", bound here, never filled by the model, for "
                    + String.join(", ", tools) + ": " + first.get(name).description());
            property.put("type", "String");
            property.set("binding", JSON.createObjectNode().put("type", "camunda:inputParameter").put("name", name));
        });
    }

    /** A listener on end events as they start, or on tasks and gateways as they end. */
    private static ObjectNode listener(TaskSpec task) {
        String writes = " Writes " + String.join(", ", task.outputNames()) + " on the run." + fromTheRun(task);
        ObjectNode template = task.onEndEvents()
                ? header(task, List.of("bpmn:EndEvent"), "circuitos listener ${" + task.name() + "}, as the end event starts: "
                        + task.description() + writes)
                : header(task, List.of("bpmn:Task", "bpmn:ServiceTask", "bpmn:SendTask", "bpmn:ExclusiveGateway"),
                "circuitos listener ${" + task.name() + "}, as the element ends: " + task.description() + writes);
        ArrayNode properties = template.putArray("properties");
        hidden(properties, "Listener", "${" + task.name() + "}", JSON.createObjectNode().put("type", "camunda:executionListener")
                .put("event", task.onEndEvents() ? "start" : "end").put("implementationType", "delegateExpression"));
        for (TaskInput<?> input : boundInputs(task)) {
            ObjectNode property = properties.addObject();
            property.put("label", label(input.name()));
            property.put("description", input.type().label() + ": " + input.description());
            property.put("type", "String");
            property.set("binding", JSON.createObjectNode().put("type", "camunda:inputParameter").put("name", input.name()));
        }
        return template;
    }

    /** The inputs a template shows as fields: those bound in the BPMN, not those read from the run. */
    private static List<TaskInput<?>> boundInputs(TaskSpec task) {
        return task.inputs().stream().filter(i -> i.source() != TaskInput.Source.RUN).toList();
    }

    private static String fromTheRun(TaskSpec task) {
        List<String> run = task.inputs().stream().filter(i -> i.source() == TaskInput.Source.RUN)
                .map(i -> i.name() + (i.isRequired() ? "" : " (optional)")).toList();
        return run.isEmpty() ? "" : " Reads from the run: " + String.join(", ", run) + ".";
    }

    private static ObjectNode header(TaskSpec task, List<String> appliesTo, String description) {
        ObjectNode template = JSON.createObjectNode();
        template.put("$schema", SCHEMA);
        template.put("name", task.title());
        template.put("id", id(task.name()));
        template.put("version", VERSION);
        template.put("description", description);
        ArrayNode applies = template.putArray("appliesTo");
        appliesTo.forEach(applies::add);
        return template;
    }

    private static void hidden(ArrayNode properties, String label, String value, ObjectNode binding) {
        ObjectNode property = properties.addObject();
        property.put("label", label);
        property.put("type", "Hidden");
        property.put("value", value);
        property.set("binding", binding);
    }

    private static ObjectNode binding(String type, String name) {
        return JSON.createObjectNode().put("type", type).put("name", name);
    }

    /** {@code fallbackTemplateId} → "Fallback template id". */
    static String label(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
