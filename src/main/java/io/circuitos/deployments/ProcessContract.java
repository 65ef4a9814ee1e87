package io.circuitos.deployments;

import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import io.circuitos.tasks.TaskCatalogue;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Checks that one process fits the pieces it names: generic tasks that exist, models, prompts,
 * templates, decisions and forms that are shipped, model features and prompt placeholders that some
 * route field or task sets, form fields the process produces or reads, and a handler for every BPMN
 * error a task can raise.
 */
final class ProcessContract {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN = Pattern.compile("^\\s*\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");
    /** Set by the engine on every business rule task, end event and multi-instance body. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("matchedRule", "matchedRuleId", "decisionKey", "decisionVersion",
            "endReason", "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

    private static final TaskCatalogue TASKS = TaskCatalogue.shipped();

    private final String resource;
    private final String xml;
    private final BpmnModelInstance model;
    private final Process process;
    private final AgentCatalog catalog;
    private final List<ContractProblem> problems = new ArrayList<>();
    private final Set<String> produced = new LinkedHashSet<>(PLATFORM_VARIABLES);
    private final Set<String> answers = new LinkedHashSet<>();
    private final Set<String> read = new LinkedHashSet<>();

    ProcessContract(String resource, String xml, BpmnModelInstance model, Process process, AgentCatalog catalog) {
        this.resource = resource;
        this.xml = xml;
        this.model = model;
        this.process = process;
        this.catalog = catalog;
    }

    List<ContractProblem> check() {
        collectNames();
        for (ModelElementInstance element : elementsOf(BaseElement.class)) {
            BaseElement base = (BaseElement) element;
            delegateBean(base).ifPresent(bean -> checkGenericTask(base, bean));
            checkListeners(base);
        }
        elementsOf(BusinessRuleTask.class).forEach(e -> checkDecision((BusinessRuleTask) e));
        for (ModelElementInstance element : elementsOf(BaseElement.class)) {
            String formRef = ((BaseElement) element).getAttributeValueNs(CAMUNDA, "formRef");
            if (formRef != null) {
                checkForm((BaseElement) element, formRef);
            }
        }
        return problems;
    }

    private void collectNames() {
        for (AgentCatalog.Route route : catalog.routes()) {
            if (process.getId().equals(route.processKey())) {
                produced.addAll(route.fields());
            }
        }
        elementsOf(CamundaOutputParameter.class).forEach(p -> produced.add(((CamundaOutputParameter) p).getCamundaName()));
        elementsOf(CamundaInputParameter.class).forEach(p -> produced.add(((CamundaInputParameter) p).getCamundaName()));
        elementsOf(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class).stream()
                .map(l -> ((org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener) l).getCamundaDelegateExpression())
                .filter(java.util.Objects::nonNull).map(e -> e.replaceAll("[${}\\s]", ""))
                .flatMap(name -> TASKS.find(name).stream()).forEach(listener -> produced.addAll(listener.outputNames()));
        elementsOf(BusinessRuleTask.class).forEach(t -> addIfSet(produced, ((BusinessRuleTask) t).getCamundaResultVariable()));
        elementsOf(MultiInstanceLoopCharacteristics.class)
                .forEach(m -> addIfSet(produced, ((MultiInstanceLoopCharacteristics) m).getCamundaElementVariable()));
        for (ModelElementInstance element : elementsOf(BaseElement.class)) {
            BaseElement base = (BaseElement) element;
            delegateBean(base).flatMap(TASKS::find).ifPresent(task -> {
                produced.addAll(task.outputNames());
                if (task.also().contains(TaskSpec.Also.CUSTOMER_FIELDS)) {
                    produced.addAll(customerStoreFields());
                }
                read.addAll(task.inputNames());
                if (task.also().contains(TaskSpec.Also.PROMPT_ANSWER_FIELDS)) {
                    task.inputs().stream().filter(i -> i.refers() == Refers.PROMPT).findFirst()
                            .flatMap(prompt -> input(base, prompt.name())).flatMap(catalog::prompt)
                            .ifPresent(p -> produced.addAll(p.answerFields()));
                }
            });
            String formRef = base.getAttributeValueNs(CAMUNDA, "formRef");
            Optional.ofNullable(formRef).map(catalog.forms()::get).ifPresent(fields -> fields.stream()
                    .filter(f -> !f.readonly()).forEach(f -> answers.add(f.key())));
            String decisionRef = base.getAttributeValueNs(CAMUNDA, "decisionRef");
            Optional.ofNullable(decisionRef).map(catalog.decisions()::get).ifPresent(read::addAll);
        }
        read.addAll(ExpressionNames.read(xml));
    }

    private void checkGenericTask(BaseElement element, String bean) {
        Optional<TaskSpec> found = TASKS.find(bean);
        if (found.isEmpty()) {
            problem(element, "${" + bean + "} is not a registered generic task");
            return;
        }
        TaskSpec task = found.get();
        for (TaskInput<?> input : task.inputs()) {
            Optional<String> value = input(element, input.name()).filter(v -> !v.contains("${") && !v.contains("#{"));
            if (value.isEmpty()) {
                continue;
            }
            switch (input.refers()) {
                case MODEL -> checkModel(element, value.get(), names(produced, answers));
                case CUSTOMER_MODEL -> checkModel(element, value.get(), customerStoreFields());
                case PROMPT -> checkPrompt(element, value.get());
                case TEMPLATE -> checkTemplate(element, value.get());
                case TOOLS -> checkTools(element, value.get());
                default -> {
                }
            }
        }
        boolean softStop = task.softStop().flatMap(stop -> input(element, stop.name())).map(v -> "true".equalsIgnoreCase(v.trim()))
                .orElse(false);
        for (String error : softStop ? List.<String>of() : task.errors()) {
            if (!handled((Activity) element, error)) {
                problem(element, "${" + bean + "} can raise BPMN error " + error + " and nothing catches it (the run would end silently)");
            }
        }
    }

    private void checkTools(BaseElement element, String tools) {
        for (String tool : tools.split(",")) {
            if (!tool.isBlank() && !TASKS.isTool(tool.trim())) {
                problem(element, "tool " + tool.trim() + " is not a read-only task of the catalogue the model may call ("
                        + String.join(", ", TASKS.tools().stream().map(TaskSpec::name).toList()) + ")");
            }
        }
    }

    private void checkModel(BaseElement element, String modelName, Set<String> fed) {
        List<String> features = catalog.models().get(modelName);
        if (features == null) {
            problem(element, "model " + modelName + " is not shipped in ml-models/");
            return;
        }
        read.addAll(features);
        for (String feature : features) {
            if (!fed.contains(feature)) {
                problem(element, "feature " + feature + " of model " + modelName + " is fed by no route field or variable of that name");
            }
        }
    }

    private void checkPrompt(BaseElement element, String promptId) {
        Optional<AgentCatalog.Prompt> prompt = catalog.prompt(promptId);
        if (prompt.isEmpty()) {
            problem(element, "prompt " + promptId + " is not in prompts/");
            return;
        }
        checkPlaceholders(element, "prompt " + promptId, prompt.get().placeholders());
    }

    private void checkTemplate(BaseElement element, String templateId) {
        Set<String> placeholders = catalog.templates().get(templateId);
        if (placeholders == null) {
            problem(element, "template " + templateId + " is not in templates/");
            return;
        }
        checkPlaceholders(element, "template " + templateId, placeholders);
    }

    private void checkPlaceholders(BaseElement element, String what, Set<String> placeholders) {
        read.addAll(placeholders);
        Set<String> set = names(produced, answers, inputNames(element));
        for (String placeholder : placeholders) {
            if (!set.contains(placeholder)) {
                problem(element, what + " reads {{" + placeholder + "}}, which neither a task input nor the process sets");
            }
        }
    }

    private void checkDecision(BusinessRuleTask task) {
        String key = task.getCamundaDecisionRef();
        if (key != null && !key.contains("${") && !catalog.decisions().containsKey(key)) {
            problem(task, "decisionRef " + key + " is not in decisions/");
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        if (task.getExtensionElements() != null) {
            task.getExtensionElements().getElementsQuery().list().forEach(io -> io.getChildElementsByType(CamundaOutputParameter.class)
                    .forEach(p -> outputs.put(((CamundaOutputParameter) p).getCamundaName(), p.getTextContent().trim())));
        }
        if (outputs.entrySet().stream().noneMatch(o -> o.getValue().equals("${matchedRule}") && o.getKey().matches("[a-z]\\w*Rules?"))) {
            problem(task, "records no <name>Rule output of ${matchedRule}: the rep and the trail would not see which rule decided");
        }
        if (outputs.entrySet().stream().noneMatch(o -> o.getValue().equals("${decisionVersion}") && o.getKey().matches("[a-z]\\w*DecisionVersion"))) {
            problem(task, "records no <name>DecisionVersion output of ${decisionVersion}: nobody could tell which version of the table decided");
        }
    }

    private void checkForm(BaseElement element, String formRef) {
        List<AgentCatalog.FormField> fields = catalog.forms().get(formRef);
        if (fields == null) {
            problem(element, "formRef " + formRef + " is not in forms/");
            return;
        }
        for (AgentCatalog.FormField field : fields) {
            if (!produced.contains(field.key()) && !read.contains(field.key()) && !field.recordOnly()) {
                problem(element, "form " + formRef + " field " + field.key()
                        + (field.readonly() ? " shows a variable the process never sets" : " asks for an answer the process never reads"));
            }
        }
    }

    private void checkListeners(BaseElement element) {
        List<String> beans = new ArrayList<>();
        if (element.getExtensionElements() != null) {
            for (ModelElementInstance listener : element.getExtensionElements().getElements()) {
                if (listener instanceof CamundaExecutionListener execution) {
                    addIfSet(beans, execution.getCamundaDelegateExpression());
                } else if (listener instanceof CamundaTaskListener task) {
                    addIfSet(beans, task.getCamundaDelegateExpression());
                }
            }
        }
        for (String expression : beans) {
            Matcher bean = BEAN.matcher(expression);
            if (bean.matches() && !TASKS.isRegistered(bean.group(1))) {
                problem(element, "listener ${" + bean.group(1) + "} is not a task of the catalogue");
            }
        }
    }

    /** A boundary error event on the task or an enclosing sub-process, or an error event sub-process around it. */
    private boolean handled(Activity activity, String errorCode) {
        for (ModelElementInstance scope = activity; scope != null; scope = scope.getParentElement()) {
            if (scope instanceof Activity around && catches(boundaryErrorEvents(around), errorCode)) {
                return true;
            }
            if ((scope instanceof SubProcess || scope instanceof Process) && eventSubProcessCatches(scope, errorCode)) {
                return true;
            }
            if (scope instanceof Process) {
                return false;
            }
        }
        return false;
    }

    private List<ErrorEventDefinition> boundaryErrorEvents(Activity activity) {
        List<ErrorEventDefinition> definitions = new ArrayList<>();
        for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
            if (boundary.getAttachedTo() == activity) {
                boundary.getEventDefinitions().stream().filter(ErrorEventDefinition.class::isInstance)
                        .map(ErrorEventDefinition.class::cast).forEach(definitions::add);
            }
        }
        return definitions;
    }

    private static boolean eventSubProcessCatches(ModelElementInstance scope, String errorCode) {
        for (ModelElementInstance child : scope.getChildElementsByType(SubProcess.class)) {
            SubProcess sub = (SubProcess) child;
            if (sub.triggeredByEvent()) {
                for (ModelElementInstance start : sub.getChildElementsByType(StartEvent.class)) {
                    if (catches(((StartEvent) start).getEventDefinitions().stream().filter(ErrorEventDefinition.class::isInstance)
                            .map(ErrorEventDefinition.class::cast).toList(), errorCode)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean catches(List<ErrorEventDefinition> definitions, String errorCode) {
        return definitions.stream().anyMatch(d -> d.getError() == null || d.getError().getErrorCode() == null
                || errorCode.equals(d.getError().getErrorCode()));
    }

    private Set<String> customerStoreFields() {
        Set<String> fields = new LinkedHashSet<>();
        catalog.routes().stream().filter(r -> "customer-store".equals(r.handler())).forEach(r -> fields.addAll(r.fields()));
        return fields;
    }

    private Collection<ModelElementInstance> elementsOf(Class<? extends ModelElementInstance> type) {
        List<ModelElementInstance> inProcess = new ArrayList<>();
        for (ModelElementInstance element : model.getModelElementsByType(type)) {
            if (owningProcess(element) == process) {
                inProcess.add(element);
            }
        }
        return inProcess;
    }

    private static Process owningProcess(ModelElementInstance element) {
        for (ModelElementInstance scope = element; scope != null; scope = scope.getParentElement()) {
            if (scope instanceof Process owner) {
                return owner;
            }
        }
        return null;
    }

    private static Optional<String> delegateBean(BaseElement element) {
        if (!(element instanceof FlowElement)) {
            return Optional.empty();
        }
        String expression = element.getAttributeValueNs(CAMUNDA, "delegateExpression");
        if (expression == null) {
            return Optional.empty();
        }
        Matcher bean = BEAN.matcher(expression);
        return bean.matches() ? Optional.of(bean.group(1)) : Optional.empty();
    }

    private static Map<String, String> inputs(BaseElement element) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (element.getExtensionElements() != null) {
            element.getExtensionElements().getElementsQuery().list().forEach(io -> io.getChildElementsByType(CamundaInputParameter.class)
                    .forEach(p -> inputs.put(((CamundaInputParameter) p).getCamundaName(), p.getTextContent())));
        }
        return inputs;
    }

    private static Optional<String> input(BaseElement element, String name) {
        return Optional.ofNullable(inputs(element).get(name)).map(String::trim);
    }

    private static Set<String> inputNames(BaseElement element) {
        return inputs(element).keySet();
    }

    @SafeVarargs
    private static Set<String> names(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private static <T> void addIfSet(Collection<T> names, T name) {
        if (name != null) {
            names.add(name);
        }
    }

    private void problem(BaseElement element, String text) {
        problems.add(new ContractProblem(resource, element.getId(), text));
    }
}
