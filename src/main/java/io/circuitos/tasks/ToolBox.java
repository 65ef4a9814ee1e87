package io.circuitos.tasks;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.circuitos.llm.LlmAgentLoop;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The catalogue's tools as an {@code llmAgent} offers them to the model: each read-only task marked as a tool,
 * described by its spec (its name, description, and the inputs the model may fill, typed). What the model sends is
 * checked against the spec before anything runs: a tool it was not given, an input it may not set (one bound in
 * the BPMN, such as the run's own customer), a missing or mistyped value all go back to the model as a tool error.
 * A tool runs the task's own code on a {@link ToolExecution}: it reads the run, and what it writes goes to the
 * model, never onto the run.
 */
public final class ToolBox {

    /** The longest text of one tool result the model reads. */
    static final int MAX_RESULT = 3_000;
    private static final int MAX_TEXT_ARGUMENT = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskCatalogue catalogue;
    private final Function<String, Object> beans;

    /** @param beans the task bean of a name, as the engine resolves {@code ${name}} */
    public ToolBox(TaskCatalogue catalogue, Function<String, Object> beans) {
        this.catalogue = catalogue;
        this.beans = beans;
    }

    /**
     * The tools named, for one run of an agent task.
     *
     * @throws IllegalArgumentException naming the first name that is not a tool of the catalogue
     */
    public LlmAgentLoop.Tools offer(DelegateExecution agent, List<String> names) {
        Map<String, TaskSpec> offered = new LinkedHashMap<>();
        for (String name : names) {
            TaskSpec spec = catalogue.find(name).filter(TaskSpec::isTool).orElseThrow(() -> new IllegalArgumentException("'" + name
                    + "' is not a tool of the catalogue (" + String.join(", ", catalogue.tools().stream().map(TaskSpec::name).toList()) + ")"));
            offered.put(name, spec);
        }
        return new Offered(agent, offered);
    }

    /** The specification the model reads for a tool: its description and the inputs it may fill. */
    public static ToolSpecification specification(TaskSpec tool) {
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        for (TaskInput<?> input : tool.inputs()) {
            if (input.source() != TaskInput.Source.LLM) {
                continue;
            }
            switch (input.type()) {
                case NUMBER -> parameters.addNumberProperty(input.name(), input.description());
                case BOOLEAN -> parameters.addBooleanProperty(input.name(), input.description());
                default -> parameters.addStringProperty(input.name(), input.description());
            }
            if (input.isRequired()) {
                required.add(input.name());
            }
        }
        parameters.required(required);
        return ToolSpecification.builder().name(tool.name()).description(tool.title() + ". " + tool.description())
                .parameters(parameters.build()).build();
    }

    private final class Offered implements LlmAgentLoop.Tools {

        private final DelegateExecution agent;
        private final Map<String, TaskSpec> tools;

        Offered(DelegateExecution agent, Map<String, TaskSpec> tools) {
            this.agent = agent;
            this.tools = tools;
        }

        @Override
        public List<ToolSpecification> specifications() {
            return tools.values().stream().map(ToolBox::specification).toList();
        }

        @Override
        public LlmAgentLoop.ToolResult call(String name, String arguments) {
            TaskSpec tool = tools.get(name);
            if (tool == null) {
                return LlmAgentLoop.ToolResult.refused("there is no tool '" + abbreviate(name) + "'; your tools are " + String.join(", ", tools.keySet()));
            }
            Map<String, Object> inputs = new LinkedHashMap<>();
            String problem = fill(tool, arguments, inputs, agent);
            if (problem != null) {
                return LlmAgentLoop.ToolResult.refused(problem);
            }
            Map<String, Object> written = new LinkedHashMap<>();
            try {
                ((JavaDelegate) beans.apply(name)).execute(ToolExecution.of(agent, inputs, written));
            } catch (BpmnError e) {
                return LlmAgentLoop.ToolResult.failed(tool.name() + " ended with " + e.getErrorCode() + ": " + abbreviate(e.getMessage()));
            } catch (Exception e) {
                return LlmAgentLoop.ToolResult.failed(tool.name() + " failed: " + abbreviate(e.getMessage()));
            }
            return LlmAgentLoop.ToolResult.ok(result(written));
        }
    }

    /** The tool's inputs from the model's arguments and the agent's bound values; the problem in words, or null. */
    private static String fill(TaskSpec tool, String arguments, Map<String, Object> inputs, DelegateExecution agent) {
        JsonNode given;
        try {
            given = arguments == null || arguments.isBlank() ? JSON.createObjectNode() : JSON.readTree(arguments);
        } catch (Exception e) {
            return "the arguments are not JSON";
        }
        if (!given.isObject()) {
            return "the arguments must be a JSON object";
        }
        for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            TaskInput<?> input = tool.input(name).orElse(null);
            if (input == null) {
                return tool.name() + " has no input '" + abbreviate(name) + "'";
            }
            if (input.source() != TaskInput.Source.LLM) {
                return "input '" + name + "' of " + tool.name() + " is set by the process, not by you";
            }
            JsonNode value = given.get(name);
            if (value.isNull()) {
                continue;
            }
            String wrong = check(input, value);
            if (wrong != null) {
                return "input '" + name + "' of " + tool.name() + " " + wrong;
            }
            inputs.put(name, value.isNumber() ? (Object) value.asDouble() : value.isBoolean() ? (Object) value.asBoolean() : value.asText());
        }
        for (TaskInput<?> input : tool.inputs()) {
            if (input.source() == TaskInput.Source.LLM) {
                if (input.isRequired() && !inputs.containsKey(input.name())) {
                    return tool.name() + " needs input '" + input.name() + "' (" + input.description() + ")";
                }
            } else if (input.source() == TaskInput.Source.BOUND) {
                Object bound = RunPayload.field(agent, input.name()); // the agent task's input parameter, else the run's variable
                if (bound != null) {
                    inputs.put(input.name(), bound);
                }
            }
        }
        return null;
    }

    private static String check(TaskInput<?> input, JsonNode value) {
        return switch (input.type()) {
            case NUMBER -> value.isNumber() || (value.isTextual() && isNumber(value.asText())) ? null : "must be a number";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case TEXT, LIST -> !value.isValueNode() ? "must be text"
                    : value.asText().length() > MAX_TEXT_ARGUMENT ? "is longer than " + MAX_TEXT_ARGUMENT + " characters" : null;
            default -> value.isValueNode() && value.asText().length() <= MAX_TEXT_ARGUMENT ? null : "must be a short value";
        };
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** What the tool wrote, as a JSON object the model reads; cut at {@value #MAX_RESULT} characters. */
    static String result(Map<String, Object> written) {
        ObjectNode result = JSON.createObjectNode();
        written.forEach((name, value) -> {
            Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
            try {
                result.set(name, JSON.valueToTree(plain instanceof java.util.Date date ? date.toInstant().toString() : plain));
            } catch (IllegalArgumentException unmappable) {
                result.put(name, String.valueOf(plain));
            }
        });
        String text = result.toString();
        return text.length() <= MAX_RESULT ? text : text.substring(0, MAX_RESULT) + "… (cut)";
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
