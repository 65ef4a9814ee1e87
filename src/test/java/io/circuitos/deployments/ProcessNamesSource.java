package io.circuitos.deployments;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;

/**
 * Writes an agent's typed names class (process key, element ids, messages, errors, variables) from
 * its BPMN, the forms it uses and the routes that start it, as Miragon's process-constants
 * generator does; {@link ProcessNamesTest} keeps the checked-in classes equal to this output.
 */
final class ProcessNamesSource {

    /** Process key → the agent's package and class. */
    static final Map<String, String> CLASSES = Map.of(
            "lost-opportunity", "io.circuitos.agents.lostopportunity.LostOpportunityProcess",
            "licensing-qualification", "io.circuitos.agents.licensing.LicensingQualificationProcess",
            "support-escalation", "io.circuitos.agents.support.SupportEscalationProcess",
            "win-back", "io.circuitos.agents.winback.WinBackProcess",
            "conversation", "io.circuitos.agents.conversation.ConversationProcess");

    /** Agents built with no Java: their names serve the scenario tests only, so they live with the tests. */
    static final java.util.Set<String> TEST_ONLY = java.util.Set.of("conversation");

    private ProcessNamesSource() {
    }

    /** Where the names class of this process lives. */
    static java.nio.file.Path file(byte[] bpmn) {
        Process process = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)).getModelElementsByType(Process.class).iterator().next();
        return java.nio.file.Path.of(TEST_ONLY.contains(process.getId()) ? "src/test/java" : "src/main/java",
                CLASSES.get(process.getId()).replace('.', '/') + ".java");
    }

    static String generate(String resource, byte[] bpmn, AgentCatalog catalog) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        String qualified = CLASSES.get(process.getId());
        if (qualified == null) {
            throw new IllegalStateException(resource + ": process " + process.getId() + " has no entry in ProcessNamesSource.CLASSES");
        }
        Set<String> elements = new TreeSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
        Set<String> messages = new TreeSet<>();
        model.getModelElementsByType(Message.class).forEach(message -> messages.add(message.getName()));
        Set<String> errors = new TreeSet<>();
        model.getModelElementsByType(Error.class).forEach(error -> errors.add(error.getErrorCode()));
        Set<String> variables = new TreeSet<>();
        catalog.routes().stream().filter(r -> process.getId().equals(r.processKey())).forEach(r -> variables.addAll(r.fields()));
        model.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> variables.add(p.getCamundaName()));
        model.getModelElementsByType(BusinessRuleTask.class).forEach(t -> {
            if (t.getCamundaResultVariable() != null) {
                variables.add(t.getCamundaResultVariable());
            }
        });
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            catalog.forms().getOrDefault(formRef, List.of()).stream().filter(f -> !f.readonly()).forEach(f -> variables.add(f.key()));
        }
        variables.add("endReason");
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class).stream()
                .map(l -> l.getCamundaDelegateExpression() == null ? "" : l.getCamundaDelegateExpression().replaceAll("[${}\\s]", ""))
                .flatMap(name -> io.circuitos.tasks.TaskCatalogue.shipped().find(name).stream())
                .forEach(listener -> variables.addAll(listener.outputNames())); // what a listener writes into the run

        int dot = qualified.lastIndexOf('.');
        StringBuilder java = new StringBuilder();
        java.append("package ").append(qualified, 0, dot).append(";\n\n")
                .append("/**\n * The names of {@code ").append(resource).append("} that Java and the tests use, generated from the BPMN,\n")
                .append(" * its forms and its routes; do not edit: {@code ProcessNamesTest} fails when this file and the\n")
                .append(" * process differ and rewrites it with {@code -Dcircuitos.regenerate=true}.\n */\n")
                .append("public final class ").append(qualified.substring(dot + 1)).append(" {\n\n")
                .append("    public static final String KEY = \"").append(process.getId()).append("\";\n")
                .append("    public static final String RESOURCE = \"").append(resource).append("\";\n");
        section(java, "Element", "Flow node ids (activities, events, gateways).", elements);
        section(java, "Message", "BPMN message names (routes with {@code message:} correlate these).", messages);
        section(java, "ErrorCode", "BPMN error codes.", errors);
        section(java, "Variable", "Variables: route fields, output mappings, decision results, form answers.", variables);
        java.append("\n    private ").append(qualified.substring(dot + 1)).append("() {\n    }\n}\n");
        return java.toString();
    }

    private static void section(StringBuilder java, String name, String doc, Set<String> values) {
        java.append("\n    /** ").append(doc).append(" */\n    public static final class ").append(name).append(" {\n");
        Map<String, String> constants = new TreeMap<>();
        values.forEach(v -> constants.put(constant(v), v));
        constants.forEach((constant, value) -> java.append("        public static final String ").append(constant)
                .append(" = \"").append(value).append("\";\n"));
        java.append("\n        private ").append(name).append("() {\n        }\n    }\n");
    }

    static String constant(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    }
}
