package io.circuitos.platform.sandbox;

import io.circuitos.platform.GenericTasks;
import io.circuitos.platform.GenericTasks.Kind;
import io.circuitos.platform.GenericTasks.Refers;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The allow-list for BPMN files deployed by analysts: service-like tasks only as registered generic
 * tasks or external tasks, listeners only as registered beans, no scripts, classes or connectors, every
 * other expression in the restricted grammar, and references (decisions, forms, models, prompts) that
 * exist.
 */
final class BpmnRules implements XmlWalk.Visitor {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** The engine still reads Activiti's namespace as its own: it gets the same rules. */
    static final String ACTIVITI = "http://activiti.org/bpmn";
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text");
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "formHandlerClass");

    private final ExpressionPolicy expressions;
    private final ReferenceCatalog references;
    private final List<DeploymentProblem> problems;

    BpmnRules(ExpressionPolicy expressions, ReferenceCatalog references, List<DeploymentProblem> problems) {
        this.expressions = expressions;
        this.references = references;
        this.problems = problems;
    }

    @Override
    public void start(XmlWalk.Element element) {
        if (BPMN.equals(element.namespace())) {
            bpmnElement(element);
        } else if (isCamunda(element.namespace())) {
            camundaElement(element);
        } else {
            return; // diagram interchange and other vendors' extensions: nothing the engine evaluates
        }
        for (XmlWalk.Attribute attribute : element.attributes()) {
            attribute(element, attribute);
        }
    }

    private void bpmnElement(XmlWalk.Element element) {
        if (element.name().equals("scriptTask")) {
            refuse(element, "script tasks are not allowed in deployments by analysts");
        }
        String language = element.attribute(null, "language");
        if (language != null && !element.name().equals("definitions")) {
            refuse(element, "script conditions are not allowed in deployments by analysts (bpmn:" + element.name()
                    + " with language '" + language + "'): write an expression such as ${score >= 80}");
        }
    }

    private void camundaElement(XmlWalk.Element element) {
        switch (element.name()) {
            case "script" -> refuse(element, "scripts are not allowed in deployments by analysts (camunda:script in camunda:"
                    + (element.parent() == null ? "?" : element.parent().name()) + ")");
            case "connector" -> refuse(element, "connectors are not allowed in deployments by analysts: use a registered generic task");
            case "executionListener", "taskListener" -> listener(element);
            case "constraint" -> {
                if ("validator".equals(element.attribute(null, "name"))) {
                    refuse(element, "custom form field validators are not allowed in deployments by analysts");
                }
            }
            default -> {
            }
        }
    }

    private void listener(XmlWalk.Element element) {
        if (element.attribute(null, "expression") != null) {
            refuse(element, "expression listeners are not allowed in deployments by analysts (camunda:" + element.name()
                    + " expression=\"" + element.attribute(null, "expression") + "\"): set variables with input/output mappings,"
                    + " or use a registered listener as camunda:delegateExpression");
        } else if (element.attribute(null, "delegateExpression") == null && element.attribute(null, "class") == null) {
            refuse(element, "a camunda:" + element.name() + " must name a registered listener as camunda:delegateExpression");
        }
    }

    private void attribute(XmlWalk.Element element, XmlWalk.Attribute attribute) {
        String name = attribute.name();
        String value = attribute.value();
        boolean camundaAttribute = isCamunda(attribute.namespace());
        boolean onCamundaElement = attribute.namespace() == null && isCamunda(element.namespace());
        if (!camundaAttribute && !onCamundaElement) {
            checkExpression(element, "attribute " + name, value);
            return;
        }
        if (CLASS_ATTRIBUTES.contains(name)) {
            refuse(element, "camunda:" + name + " is not allowed in deployments by analysts: use camunda:delegateExpression with a"
                    + " registered generic task (" + names(Kind.SERVICE_TASK) + ")");
        } else if (name.equals("variableMappingDelegateExpression")) {
            refuse(element, "camunda:variableMappingDelegateExpression is not allowed in deployments by analysts: use camunda:in/out mappings");
        } else if (name.equals("resource")) {
            refuse(element, "script resources (camunda:resource) are not allowed in deployments by analysts");
        } else if (name.equals("delegateExpression")) {
            delegateExpression(element, value);
        } else if (name.equals("type") && camundaAttribute && !"external".equals(value)) {
            refuse(element, "camunda:type '" + value + "' is not allowed in deployments by analysts: only external tasks (camunda:type=\"external\")");
        } else if (name.equals("expression") && onCamundaElement && Set.of("executionListener", "taskListener").contains(element.name())) {
            // already refused as an expression listener
        } else if (name.equals("decisionRef") && !ExpressionPolicy.isExpression(value)) {
            if (!references.decisions().test(value)) {
                refuse(element, "camunda:decisionRef '" + value + "' names no decision: neither deployed nor in this deployment");
            }
        } else if (name.equals("formRef") && !ExpressionPolicy.isExpression(value)) {
            if (!references.forms().test(value)) {
                refuse(element, "camunda:formRef '" + value + "' names no form: neither deployed nor in this deployment");
            }
        } else {
            checkExpression(element, "camunda:" + name, value);
        }
    }

    private void delegateExpression(XmlWalk.Element element, String value) {
        Kind kind = switch (element.name()) {
            case "executionListener" -> Kind.EXECUTION_LISTENER;
            case "taskListener" -> Kind.TASK_LISTENER;
            default -> Kind.SERVICE_TASK;
        };
        Matcher bean = BEAN_REFERENCE.matcher(value == null ? "" : value.trim());
        if (!bean.matches()) {
            refuse(element, "camunda:delegateExpression must be ${name} of a registered generic task, not '" + value + "'");
            return;
        }
        Optional<GenericTasks.Task> task = GenericTasks.find(bean.group(1)).filter(t -> t.kind() == kind);
        if (task.isEmpty()) {
            String registered = names(kind);
            refuse(element, "unknown generic task '" + bean.group(1) + "' in camunda:delegateExpression"
                    + (registered.isEmpty() ? ": no " + kind.name().toLowerCase().replace('_', ' ') + " is registered"
                    : " (registered: " + registered + ")"));
        }
    }

    @Override
    public void text(XmlWalk.Element element, String text) {
        if (BPMN.equals(element.namespace()) && NOT_EVALUATED.contains(element.name())
                || isCamunda(element.namespace()) && element.name().equals("script")) {
            return;
        }
        if (!BPMN.equals(element.namespace()) && !isCamunda(element.namespace())) {
            return;
        }
        checkExpression(element, (isCamunda(element.namespace()) ? "camunda:" : "bpmn:") + element.name(), text);
        if (isCamunda(element.namespace()) && element.name().equals("inputParameter") && !ExpressionPolicy.isExpression(text)) {
            inputReference(element, text);
        }
    }

    /** A literal model or prompt input of a registered task must name a shipped model or prompt. */
    private void inputReference(XmlWalk.Element parameter, String value) {
        String inputName = parameter.attribute(null, "name");
        XmlWalk.Element task = parameter.parent() == null || parameter.parent().parent() == null ? null : parameter.parent().parent().parent();
        if (task == null || inputName == null) {
            return;
        }
        String delegate = task.attribute(CAMUNDA, "delegateExpression") != null
                ? task.attribute(CAMUNDA, "delegateExpression") : task.attribute(ACTIVITI, "delegateExpression");
        Matcher bean = BEAN_REFERENCE.matcher(delegate == null ? "" : delegate.trim());
        if (!bean.matches()) {
            return;
        }
        Refers refers = GenericTasks.find(bean.group(1)).flatMap(t -> t.input(inputName)).map(GenericTasks.Input::refers).orElse(Refers.NOTHING);
        if (refers.isModel() && !references.models().test(value)) {
            refuse(parameter, "input " + inputName + " names model '" + value + "', which is not a shipped model (ml-models/)");
        } else if (refers == Refers.PROMPT && !references.prompts().test(value)) {
            refuse(parameter, "input " + inputName + " names prompt '" + value + "', which does not exist in prompts/");
        }
    }

    @Override
    public void end(XmlWalk.Element element) {
    }

    private void checkExpression(XmlWalk.Element element, String where, String value) {
        for (String problem : expressions.check(value)) {
            refuse(element, "expression " + value + " in " + where + " " + problem);
        }
    }

    private void refuse(XmlWalk.Element element, String message) {
        problems.add(new DeploymentProblem(message, element.line(), element.column(), element.id()));
    }

    private static boolean isCamunda(String namespace) {
        return CAMUNDA.equals(namespace) || ACTIVITI.equals(namespace);
    }

    private static String names(Kind kind) {
        return GenericTasks.ofKind(kind).stream().map(GenericTasks.Task::name).collect(Collectors.joining(", "));
    }
}
