package io.circuitos.platform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * The deployment guard's rules over a set of resources, without an engine: which resource types may be
 * deployed, the BPMN and DMN allow-lists, and references that must resolve (decisions and forms of the
 * same deployment count). Used by the engine's deployer and usable on its own.
 */
public final class DeploymentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExpressionPolicy expressions;

    public DeploymentCheck(ExpressionPolicy expressions) {
        this.expressions = expressions;
    }

    /** The problems per resource, only for resources that have some; empty when the deployment is allowed. */
    public List<ResourceProblems> check(Map<String, byte[]> resources, ReferenceCatalog references) {
        Set<String> decisions = new HashSet<>();
        Set<String> forms = new HashSet<>();
        Map<String, List<DeploymentProblem>> found = new LinkedHashMap<>();
        resources.forEach((name, content) -> found.put(name, new ArrayList<>()));
        resources.forEach((name, content) -> collectIds(name, content, decisions, forms, found.get(name)));
        ReferenceCatalog withOwn = references.withDeployed(key -> decisions.contains(key) || references.decisions().test(key),
                key -> forms.contains(key) || references.forms().test(key));
        resources.forEach((name, content) -> checkResource(name, content, withOwn, found.get(name)));
        List<ResourceProblems> result = new ArrayList<>();
        found.forEach((name, problems) -> {
            if (!problems.isEmpty()) {
                result.add(new ResourceProblems(name, List.copyOf(problems)));
            }
        });
        return result;
    }

    private void checkResource(String name, byte[] content, ReferenceCatalog references, List<DeploymentProblem> problems) {
        switch (type(name)) {
            case BPMN -> walk(content, new BpmnRules(expressions, references, problems), problems);
            case DMN -> walk(content, new DmnRules(problems), problems);
            case FORM, IMAGE -> {
            }
            case CMMN -> problems.add(new DeploymentProblem("CMMN case definitions are not allowed in deployments by analysts", 0, 0, null));
            case OTHER -> problems.add(new DeploymentProblem("resource type not allowed in deployments by analysts: " + name
                    + " (allowed: .bpmn, .dmn, .form, .png)", 0, 0, null));
        }
    }

    private static void collectIds(String name, byte[] content, Set<String> decisions, Set<String> forms, List<DeploymentProblem> problems) {
        if (type(name) == Type.DMN) {
            try {
                XmlWalk.walk(content, new XmlWalk.Visitor() {
                    @Override
                    public void start(XmlWalk.Element element) {
                        if (element.name().equals("decision") && element.parent() != null && element.parent().name().equals("definitions")
                                && element.attribute(null, "id") != null) {
                            decisions.add(element.attribute(null, "id"));
                        }
                    }

                    @Override
                    public void text(XmlWalk.Element element, String text) {
                    }

                    @Override
                    public void end(XmlWalk.Element element) {
                    }
                });
            } catch (XMLStreamException e) {
                // reported by the resource's own check
            }
        } else if (type(name) == Type.FORM) {
            try {
                JsonNode form = JSON.readTree(content);
                if (form == null || !form.isObject() || !form.path("id").isTextual() || !form.path("components").isArray()) {
                    problems.add(new DeploymentProblem("a Camunda form must be a JSON object with an \"id\" and \"components\"", 0, 0, null));
                } else {
                    forms.add(form.get("id").asText());
                }
            } catch (IOException e) {
                problems.add(new DeploymentProblem("is not valid JSON: " + e.getMessage(), 0, 0, null));
            }
        }
    }

    private static void walk(byte[] content, XmlWalk.Visitor rules, List<DeploymentProblem> problems) {
        try {
            XmlWalk.walk(content, rules);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            problems.add(new DeploymentProblem("is not well-formed XML: " + e.getMessage(), line, 0, null));
        }
    }

    private enum Type { BPMN, DMN, FORM, CMMN, IMAGE, OTHER }

    private static Type type(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return Type.BPMN;
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return Type.DMN;
        }
        if (lower.endsWith(".form")) {
            return Type.FORM;
        }
        if (lower.endsWith(".cmmn") || lower.endsWith(".cmmn11.xml") || lower.endsWith(".cmmn10.xml")) {
            return Type.CMMN;
        }
        return lower.endsWith(".png") ? Type.IMAGE : Type.OTHER;
    }
}
