package io.circuitos.engine.sandbox;

import io.circuitos.engine.sandbox.RegisteredTasks.Kind;
import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Set<String> FLOW_NODES = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask",
            "businessRuleTask", "manualTask", "callActivity", "subProcess", "transaction", "adHocSubProcess", "exclusiveGateway",
            "inclusiveGateway", "parallelGateway", "complexGateway", "eventBasedGateway", "startEvent", "endEvent",
            "intermediateThrowEvent", "intermediateCatchEvent", "boundaryEvent");
    private static final Set<String> WAIT_STATES = Set.of("userTask", "receiveTask", "eventBasedGateway", "startEvent");
    /** A catching or boundary event waits only for these; error, escalation, compensation and link events fire at once. */
    private static final Set<String> WAITING_EVENTS = Set.of("timerEventDefinition", "messageEventDefinition", "signalEventDefinition",
            "conditionalEventDefinition");
    private static final Set<String> SCOPES = Set.of("subProcess", "transaction", "adHocSubProcess");
    private static final Set<String> ASYNC = Set.of("async", "asyncBefore", "asyncAfter");
    private static final Pattern STRING_LITERAL = Pattern.compile("(['\"])(.*?)\\1");
    private static final Pattern CAMUNDA_FORM_KEY = Pattern.compile("camunda-forms:deployment:(.+)");

    private final ExpressionPolicy expressions;
    private final ReferenceCatalog references;
    private final List<DeploymentProblem> problems;
    private final DeploymentLimits limits;
    private final Set<String> resourceNames;
    private final WaitFreeCycles graph = new WaitFreeCycles();
    private final Set<String> shortTimers = new java.util.HashSet<>();

    BpmnRules(ExpressionPolicy expressions, ReferenceCatalog references, List<DeploymentProblem> problems) {
        this(expressions, references, problems, DeploymentLimits.defaults(), Set.of());
    }

    /** @param resourceNames the names of the resources deployed together with this file */
    BpmnRules(ExpressionPolicy expressions, ReferenceCatalog references, List<DeploymentProblem> problems, DeploymentLimits limits,
              Set<String> resourceNames) {
        this.expressions = expressions;
        this.references = references;
        this.problems = problems;
        this.limits = limits;
        this.resourceNames = resourceNames;
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
        flowGraph(element);
        if (element.name().equals("scriptTask")) {
            refuse(element, "script tasks are not allowed in deployments by analysts");
        }
        String language = element.attribute(null, "language");
        if (language != null && !element.name().equals("definitions")) {
            refuse(element, "script conditions are not allowed in deployments by analysts (bpmn:" + element.name()
                    + " with language '" + language + "'): write an expression such as ${score >= 80}");
        }
    }

    /** Records flow nodes, sequence flows and wait states for the wait-free cycle check at the end of the file. */
    private void flowGraph(XmlWalk.Element element) {
        String id = element.attribute(null, "id");
        if (element.name().equals("sequenceFlow")) {
            graph.flow(element.attribute(null, "sourceRef"), element.attribute(null, "targetRef"));
        } else if (id != null && FLOW_NODES.contains(element.name())) {
            XmlWalk.Element parent = element.parent();
            graph.node(id, parent != null && SCOPES.contains(parent.name()) ? parent.attribute(null, "id") : null);
            graph.flow(element.attribute(null, "attachedToRef"), id); // a boundary event leaves the activity it is attached to
            if (WAIT_STATES.contains(element.name()) || isAsync(element) || "external".equals(camundaAttribute(element, "type"))) {
                graph.waits(id);
            }
        } else if (element.name().equals("multiInstanceLoopCharacteristics") && isAsync(element) && element.parent() != null) {
            graph.waits(element.parent().attribute(null, "id"));
        } else if (WAITING_EVENTS.contains(element.name()) && !element.name().equals("timerEventDefinition") && isCatching(element.parent())) {
            graph.waits(element.parent().attribute(null, "id"));
        } else if (element.name().equals("linkEventDefinition") && element.parent() != null) {
            graph.link(element.parent().attribute(null, "id"), element.attribute(null, "name"),
                    element.parent().name().equals("intermediateThrowEvent"));
        }
    }

    private static boolean isCatching(XmlWalk.Element event) {
        return event != null && Set.of("intermediateCatchEvent", "boundaryEvent").contains(event.name());
    }

    private static boolean isAsync(XmlWalk.Element element) {
        return element.attributes().stream().anyMatch(a -> isCamunda(a.namespace()) && ASYNC.contains(a.name()) && "true".equals(a.value().trim()));
    }

    private static String camundaAttribute(XmlWalk.Element element, String name) {
        String value = element.attribute(CAMUNDA, name);
        return value != null ? value : element.attribute(ACTIVITI, name);
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
        } else if (name.equals("formKey")) {
            formKey(element, value);
        } else if (name.equals("formRef") && !ExpressionPolicy.isExpression(value)) {
            if (!references.forms().test(value)) {
                refuse(element, "camunda:formRef '" + value + "' names no form: neither deployed nor in this deployment");
            }
        } else {
            checkExpression(element, "camunda:" + name, value);
        }
    }

    /**
     * Only a Camunda Form of this deployment may be named by a form key: embedded HTML forms, app: and deployment:
     * paths and external URLs load markup the deployer wrote into the browser of whoever opens the task.
     */
    private void formKey(XmlWalk.Element element, String value) {
        Matcher form = CAMUNDA_FORM_KEY.matcher(value == null ? "" : value.trim());
        if (!form.matches()) {
            refuse(element, "camunda:formKey '" + value + "' is not allowed in deployments by analysts: embedded HTML forms, app: and"
                    + " deployment: paths and external URLs are refused; use camunda:formRef with a Camunda Form (.form), or"
                    + " camunda-forms:deployment:<name>.form");
        } else if (!form.group(1).endsWith(".form") || !resourceNames.contains(form.group(1))) {
            refuse(element, "camunda:formKey '" + value + "' must name a .form resource of the same deployment");
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
        if (expressions.tasks().kind(bean.group(1)).filter(k -> k == kind).isEmpty()) {
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
        if (BPMN.equals(element.namespace()) && !ExpressionPolicy.isExpression(text)) {
            runBound(element, text.trim());
        } else if (BPMN.equals(element.namespace()) && element.name().equals("timeCycle")) {
            Matcher literal = STRING_LITERAL.matcher(text); // ${'R/PT1S'} is as literal as R/PT1S
            while (literal.find()) {
                runBound(element, literal.group(2).trim());
            }
        }
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
        Refers refers = expressions.tasks().refers(bean.group(1), inputName);
        if (refers.isModel() && !references.models().test(value)) {
            refuse(parameter, "input " + inputName + " names model '" + value + "', which is not a shipped model (ml-models/)");
        } else if (refers == Refers.PROMPT && !references.prompts().test(value)) {
            refuse(parameter, "input " + inputName + " names prompt '" + value + "', which does not exist in prompts/");
        } else if (refers == Refers.TOOLS) {
            for (String tool : value.split(",")) {
                if (!tool.isBlank() && !expressions.tasks().isTool(tool.trim())) {
                    refuse(parameter, "input " + inputName + " names '" + abbreviate(tool.trim()) + "', which is not a tool: the model may "
                            + "only be given read-only tasks of the catalogue (" + String.join(", ", expressions.tasks().names(Kind.SERVICE_TASK)
                            .stream().filter(expressions.tasks()::isTool).toList()) + ")");
                }
            }
        }
    }

    /** Literal multi-instance cardinalities and timer cycles within the limits (expressions are bounded at run time). */
    private void runBound(XmlWalk.Element element, String text) {
        if (element.name().equals("timeDuration") && element.parent() != null && isCatching(element.parent().parent())
                && text.startsWith("P") && TimerCycles.period(text).compareTo(limits.minTimerCycle()) < 0) {
            shortTimers.add(element.parent().parent().attribute(null, "id")); // a loop waiting only on it would cycle this fast
        } else if (element.name().equals("loopCardinality")) {
            if (!text.matches("\\d{1,18}") || Long.parseLong(text) > limits.maxMultiInstanceCardinality()) {
                refuse(element, "multi-instance loopCardinality " + abbreviate(text) + " is over the limit of "
                        + limits.maxMultiInstanceCardinality() + " instances (" + DeploymentLimits.property("max-multi-instance-cardinality") + ")");
            }
        } else if (element.name().equals("timeCycle")) {
            TimerCycles.shortestInterval(text).filter(interval -> interval.compareTo(limits.minTimerCycle()) < 0).ifPresent(interval ->
                    refuse(element, "timer cycle '" + abbreviate(text) + "' fires every " + interval + ", more often than the minimum of "
                            + limits.minTimerCycle() + " (" + DeploymentLimits.property("min-timer-cycle") + ")"));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public void end(XmlWalk.Element element) {
        if (element.name().equals("timerEventDefinition") && isCatching(element.parent())
                && !shortTimers.contains(element.parent().attribute(null, "id"))) {
            graph.waits(element.parent().attribute(null, "id"));
        }
        if (element.parent() == null) {
            for (List<String> cycle : graph.cycles()) {
                problems.add(new DeploymentProblem("sequence flows loop through " + String.join(" → ", cycle) + " with no wait state (user task,"
                        + " receive task, catching event, event-based gateway, external task or camunda:asyncBefore; a timer shorter than "
                        + limits.minTimerCycle() + " does not count): such a loop never ends its transaction or repeats too fast;"
                        + " add a wait state or mark a step asynchronous", 0, 0, cycle.get(0)));
            }
        }
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

    private String names(Kind kind) {
        return String.join(", ", expressions.tasks().names(kind));
    }
}
