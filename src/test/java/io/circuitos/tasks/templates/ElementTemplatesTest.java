package io.circuitos.tasks.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.deployments.ShippedAgents;
import io.circuitos.engine.sandbox.RegisteredTasks.Kind;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.llm.PromptTemplate;
import io.circuitos.tasks.TaskCatalogue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.junit.jupiter.api.Test;

/**
 * {@code element-templates/} is what the task catalogue generates (one template per generic task, the
 * shipped models and prompts as dropdowns), and every generic task in the shipped BPMN says which
 * template it was built from ({@code camunda:modelerTemplate}). The templates are validated against
 * Camunda's JSON schema by {@code tools/bpmnlint/lint.sh} in {@code mvn verify}.
 * {@code mvn test -Dtest=ElementTemplatesTest -Dcircuitos.regenerate=true} rewrites them.
 */
class ElementTemplatesTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
    private static final Path FOLDER = Path.of("element-templates");

    static Map<String, ObjectNode> generated() {
        List<String> prompts = new PromptLibrary().all().stream().map(PromptTemplate::id).distinct().toList();
        return ElementTemplates.all(new TreeSet<>(ShippedAgents.modelFeatures().keySet()), new TreeSet<>(prompts));
    }

    @Test
    void theCheckedInTemplatesAreWhatTheCatalogueGenerates() throws IOException {
        Map<String, ObjectNode> templates = generated();
        ObjectMapper json = new ObjectMapper();
        if (Boolean.getBoolean("circuitos.regenerate")) {
            Files.createDirectories(FOLDER);
            try (Stream<Path> old = Files.list(FOLDER)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, ObjectNode> template : templates.entrySet()) {
                Files.writeString(FOLDER.resolve(template.getKey()),
                        json.writerWithDefaultPrettyPrinter().writeValueAsString(template.getValue()) + "\n", StandardCharsets.UTF_8);
            }
        }
        List<String> checkedIn;
        try (Stream<Path> files = Files.list(FOLDER)) {
            checkedIn = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(checkedIn).as("run with -Dcircuitos.regenerate=true").containsExactlyInAnyOrderElementsOf(templates.keySet());
        for (Map.Entry<String, ObjectNode> template : templates.entrySet()) {
            assertThat(json.readTree(FOLDER.resolve(template.getKey()).toFile())).as(template.getKey()).isEqualTo(template.getValue());
        }
        assertThat(templates).hasSize(TaskCatalogue.shipped().ofKind(Kind.SERVICE_TASK).size()
                + TaskCatalogue.shipped().ofKind(Kind.EXECUTION_LISTENER).size());
    }

    @Test
    void aModelInputIsADropdownOfTheShippedModels() {
        ObjectNode score = generated().get("scoreWithModel.json");
        var model = score.get("properties").findParents("binding").stream()
                .filter(p -> "modelName".equals(p.at("/binding/name").asText())).findFirst().orElseThrow();
        assertThat(model.get("type").asText()).isEqualTo("Dropdown");
        List<String> choices = new ArrayList<>();
        model.get("choices").forEach(c -> choices.add(c.get("value").asText()));
        assertThat(choices).containsExactly("licensing-conversion", "lost-opportunity-reactivation", "support-escalation-risk", "win-back-churn");
        assertThat(score.at("/properties/0/value").asText()).isEqualTo("${scoreWithModel}");
    }

    @Test
    void everyGenericTaskInTheShippedProcessesUsesItsTemplate() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, byte[]> process : ShippedAgents.processes().entrySet()) {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(process.getValue()));
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                String expression = element.getAttributeValueNs(CAMUNDA, "delegateExpression");
                Matcher bean = BEAN.matcher(expression == null ? "" : expression.trim());
                if (bean.matches() && !ElementTemplates.id(bean.group(1)).equals(element.getAttributeValueNs(CAMUNDA, "modelerTemplate"))) {
                    missing.add(process.getKey() + " " + element.getId() + " (${" + bean.group(1) + "})");
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
