package io.circuitos.engine.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.engine.sandbox.ResourceFormat.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * The deployment guard's rules over a set of resources, without an engine: sizes and names first (before any
 * parsing), then what each resource is by its content, the BPMN, DMN and form allow-lists, and references that
 * must resolve (decisions and forms of the same deployment count). Used by the engine's deployer and usable on
 * its own.
 */
public final class DeploymentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExpressionPolicy expressions;
    private final DeploymentLimits limits;

    public DeploymentCheck(ExpressionPolicy expressions) {
        this(expressions, DeploymentLimits.defaults());
    }

    public DeploymentCheck(ExpressionPolicy expressions, DeploymentLimits limits) {
        this.expressions = expressions;
        this.limits = limits;
    }

    public DeploymentLimits limits() {
        return limits;
    }

    /** The problems per resource, only for resources that have some; empty when the deployment is allowed. */
    public List<ResourceProblems> check(Map<String, byte[]> resources, ReferenceCatalog references) {
        Map<String, List<DeploymentProblem>> found = new LinkedHashMap<>();
        resources.forEach((name, content) -> found.put(name, new ArrayList<>()));
        resources.forEach((name, content) -> checkSizeAndName(name, content, found.get(name)));
        long total = resources.values().stream().mapToLong(content -> content.length).sum();
        if (total > limits.maxDeploymentBytes() && !resources.isEmpty()) {
            found.values().iterator().next().add(new DeploymentProblem("the deployment has " + total + " bytes, over the limit of "
                    + limits.maxDeploymentBytes() + " bytes (" + DeploymentLimits.property("max-deployment-bytes") + ")", 0, 0, null));
        }
        List<ResourceProblems> early = problems(found);
        if (!early.isEmpty()) {
            return early; // nothing over a limit or badly named is parsed
        }
        Set<String> decisions = new HashSet<>();
        Set<String> forms = new HashSet<>();
        resources.forEach((name, content) -> collectIds(name, content, decisions, forms, found.get(name)));
        ReferenceCatalog withOwn = references.withDeployed(key -> decisions.contains(key) || references.decisions().test(key),
                key -> forms.contains(key) || references.forms().test(key));
        resources.forEach((name, content) -> checkResource(name, content, withOwn, resources.keySet(), found.get(name)));
        return problems(found);
    }

    private static List<ResourceProblems> problems(Map<String, List<DeploymentProblem>> found) {
        List<ResourceProblems> result = new ArrayList<>();
        found.forEach((name, problems) -> {
            if (!problems.isEmpty()) {
                result.add(new ResourceProblems(name, List.copyOf(problems)));
            }
        });
        return result;
    }

    private void checkSizeAndName(String name, byte[] content, List<DeploymentProblem> problems) {
        ResourceFormat.nameProblem(name).ifPresent(problem -> problems.add(new DeploymentProblem(problem, 0, 0, null)));
        if (content.length > limits.maxResourceBytes()) {
            problems.add(new DeploymentProblem("has " + content.length + " bytes, over the limit of " + limits.maxResourceBytes()
                    + " bytes per resource (" + DeploymentLimits.property("max-resource-bytes") + ")", 0, 0, null));
        }
    }

    private void checkResource(String name, byte[] content, ReferenceCatalog references, Set<String> resourceNames,
                               List<DeploymentProblem> problems) {
        Type type = ResourceFormat.type(name);
        switch (type) {
            case BPMN -> walk(type, content, new BpmnRules(expressions, references, problems, limits, resourceNames), problems);
            case DMN -> walk(type, content, new DmnRules(problems, limits.maxRulesPerTable()), problems);
            case FORM -> {
                // checked while its id was collected
            }
            case IMAGE -> ResourceFormat.pngProblem(content).ifPresent(problem -> problems.add(new DeploymentProblem(problem, 0, 0, null)));
            case CMMN -> problems.add(new DeploymentProblem("CMMN case definitions are not allowed in deployments by analysts", 0, 0, null));
            case OTHER -> problems.add(new DeploymentProblem("resource type not allowed in deployments by analysts: " + name
                    + " (allowed: " + String.join(", ", ResourceFormat.allowedExtensions()) + ")", 0, 0, null));
        }
    }

    private void collectIds(String name, byte[] content, Set<String> decisions, Set<String> forms, List<DeploymentProblem> problems) {
        if (ResourceFormat.type(name) == Type.DMN) {
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
                }, limits);
            } catch (XMLStreamException e) {
                // reported by the resource's own check
            }
        } else if (ResourceFormat.type(name) == Type.FORM) {
            try {
                JsonNode form = JSON.readTree(content);
                if (form == null || !form.isObject() || !form.path("id").isTextual() || !form.path("components").isArray()) {
                    problems.add(new DeploymentProblem("is not a Camunda Form: a form must be a JSON object with an \"id\" and"
                            + " \"components\" (checked by content, not by name)", 0, 0, null));
                } else {
                    forms.add(form.get("id").asText());
                    new FormRules(limits, problems).check(form);
                }
            } catch (IOException e) {
                problems.add(new DeploymentProblem("is not a Camunda Form: not valid JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", 0, 0, null));
            }
        }
    }

    /** Walks the XML with the limits, first making sure its root element is the one its name promises. */
    private void walk(Type type, byte[] content, XmlWalk.Visitor rules, List<DeploymentProblem> problems) {
        try {
            XmlWalk.walk(content, new RootChecked(type, rules, problems), limits);
        } catch (XmlWalk.LimitExceeded e) {
            problems.add(new DeploymentProblem(e.reason(), line(e), 0, null));
        } catch (XMLStreamException e) {
            problems.add(new DeploymentProblem("is not well-formed XML: " + e.getMessage(), line(e), 0, null));
        } catch (WrongRoot e) {
            // reported by RootChecked
        }
    }

    private static int line(XMLStreamException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    }

    private static final class WrongRoot extends RuntimeException {
        WrongRoot() {
            super(null, null, false, false);
        }
    }

    /** Refuses a document whose root is not the definitions element of its type, and stops reading it. */
    private record RootChecked(Type type, XmlWalk.Visitor rules, List<DeploymentProblem> problems) implements XmlWalk.Visitor {

        @Override
        public void start(XmlWalk.Element element) {
            if (element.parent() == null) {
                ResourceFormat.rootProblem(type, element.namespace(), element.name()).ifPresent(problem -> {
                    problems.add(new DeploymentProblem(problem, element.line(), element.column(), null));
                    throw new WrongRoot();
                });
            }
            rules.start(element);
        }

        @Override
        public void text(XmlWalk.Element element, String text) {
            rules.text(element, text);
        }

        @Override
        public void end(XmlWalk.Element element) {
            rules.end(element);
        }
    }
}
