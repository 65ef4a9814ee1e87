package io.circuitos.platform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Camunda Forms deployed by analysts are data, not code: a JSON object with an {@code id} and components whose
 * types come from an allow-list (inputs, choices, markdown text, layout). HTML, iframe, image and script-like
 * components, and strings that carry script or markup to a browser, are refused naming the component.
 */
final class FormRules {

    static final Set<String> COMPONENT_TYPES = Set.of("default", "textfield", "textarea", "number", "select", "radio", "checkbox",
            "checklist", "taglist", "datetime", "text", "spacer", "separator", "group", "button");
    private static final Pattern ACTIVE_CONTENT = Pattern.compile(
            "(?i)<\\s*/?\\s*(script|iframe|object|embed|img|svg|style|link|meta|form|input|a)\\b|javascript\\s*:|vbscript\\s*:|data\\s*:\\s*text/html|\\bon[a-z]+\\s*=");

    private final DeploymentLimits limits;
    private final List<DeploymentProblem> problems;

    FormRules(DeploymentLimits limits, List<DeploymentProblem> problems) {
        this.limits = limits;
        this.problems = problems;
    }

    void check(JsonNode form) {
        component(form, form.path("id").asText(), 1);
    }

    private void component(JsonNode component, String formId, int depth) {
        String id = component.path("id").isTextual() ? component.get("id").asText() : component.path("key").asText(formId);
        if (depth > limits.maxDepth()) {
            refuse(id, "nests components deeper than the limit of " + limits.maxDepth() + " levels (" + DeploymentLimits.property("max-depth") + ")");
            return;
        }
        String type = component.path("type").asText("");
        if (!COMPONENT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            refuse(id, "form component type '" + type + "' is not allowed in deployments by analysts (allowed: "
                    + String.join(", ", COMPONENT_TYPES.stream().sorted().toList()) + ")");
        }
        component.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && ACTIVE_CONTENT.matcher(field.getValue().asText()).find()) {
                refuse(id, "form component property '" + field.getKey() + "' contains markup or a script link; forms deployed by analysts"
                        + " show text and collect answers only");
            }
        });
        JsonNode children = component.path("components");
        if (children.isArray()) {
            children.forEach(child -> component(child, formId, depth + 1));
        }
    }

    private void refuse(String componentId, String message) {
        problems.add(new DeploymentProblem(message, 0, 0, componentId == null || componentId.isEmpty() ? null : componentId));
    }
}
