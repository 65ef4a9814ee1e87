package io.circuitos.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a rep reads on every shipped form: each label names one field (two fields labelled alike could not be
 * told apart), and no text names a setting (a property such as circuitos.llm.base-url is for operators).
 */
class FormLabelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROPERTY = Pattern.compile("\\b(circuitos|spring|camunda)\\.[a-z-]+\\.[a-z-]+");

    @Test
    void everyLabelOfAShippedFormIsUnique() throws Exception {
        Map<String, byte[]> forms = ShippedAgents.forms();
        assertThat(forms).hasSizeGreaterThanOrEqualTo(6);
        List<String> duplicates = new ArrayList<>();
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            Set<String> seen = new HashSet<>();
            for (JsonNode component : components(JSON.readTree(form.getValue()))) {
                String label = component.path("label").asText("").strip().toLowerCase(java.util.Locale.ROOT);
                if (!label.isEmpty() && !seen.add(label)) {
                    duplicates.add(form.getKey() + ": \"" + label + "\"");
                }
            }
        }
        assertThat(duplicates).isEmpty();
    }

    @Test
    void noShippedFormNamesASetting() throws Exception {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> form : ShippedAgents.forms().entrySet()) {
            for (JsonNode component : components(JSON.readTree(form.getValue()))) {
                for (String field : List.of("label", "text", "description")) {
                    if (PROPERTY.matcher(component.path(field).asText("")).find()) {
                        found.add(form.getKey() + " " + component.path("id").asText() + " " + field);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** The form's components, those inside groups included. */
    private static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }
}
