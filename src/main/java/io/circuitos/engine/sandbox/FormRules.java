package io.circuitos.engine.sandbox;

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
    /** Markup, markdown images, absolute or protocol-relative URLs and script schemes: what loads or sends something. */
    private static final Pattern ACTIVE_CONTENT = Pattern.compile(
            "(?i)<\\s*[a-z!/?]|!\\[|[a-z][a-z0-9+.-]*://|\\]\\(\\s*//|javascript\\s*:|vbscript\\s*:|data\\s*:\\s*[a-z]+/[a-z]");
    /**
     * The one piece of markup allowed: a link to a page of this server that opens in a new tab (Tasklist replaces
     * itself with a markdown link's target), written exactly so, its href a local path.
     */
    private static final Pattern LOCAL_LINK = Pattern.compile(
            "<a href=\"(/(?![/\\\\])[^\"<>\\s]*)\" target=\"_blank\" rel=\"noopener\">([^<>]*)</a>");
    /** Templates may only insert a variable's value, not build text with expressions. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern PLAIN_VARIABLE = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_.]*\\s*");

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
            if (field.getValue().isTextual()) {
                text(id, field.getKey(), field.getValue().asText());
            }
        });
        JsonNode children = component.path("components");
        if (children.isArray()) {
            children.forEach(child -> component(child, formId, depth + 1));
        }
    }

    private void text(String id, String property, String original) {
        String text = LOCAL_LINK.matcher(original).replaceAll("$2");
        if (ACTIVE_CONTENT.matcher(text).find() || LOCAL_LINK.matcher(original).results().anyMatch(link -> link.group(1).contains(":"))) {
            refuse(id, "form component property '" + property + "' contains markup, an image or a link outside this server; forms deployed"
                    + " by analysts show text, links to this server's pages (/path) and collect answers only");
        } else if (text.stripLeading().startsWith("=")) {
            refuse(id, "form component property '" + property + "' is a FEEL expression; forms deployed by analysts show text and"
                    + " {{variable}} values only");
        } else {
            java.util.regex.Matcher template = TEMPLATE.matcher(text);
            while (template.find()) {
                if (!PLAIN_VARIABLE.matcher(template.group(1)).matches()) {
                    refuse(id, "form component property '" + property + "' has the template {{" + template.group(1) + "}}; only"
                            + " {{variable}} values may be inserted");
                }
            }
        }
    }

    private void refuse(String componentId, String message) {
        problems.add(new DeploymentProblem(message, 0, 0, componentId == null || componentId.isEmpty() ? null : componentId));
    }
}
