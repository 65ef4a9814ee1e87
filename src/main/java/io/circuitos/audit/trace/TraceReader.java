package io.circuitos.audit.trace;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.audit.MatchedRuleRecorder;
import io.circuitos.deployments.AgentCatalog;
import io.circuitos.deployments.AgentCatalogs;
import io.circuitos.deployments.ShippedAgents;
import io.circuitos.intake.DeliveryStore;
import io.circuitos.intake.Route;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.mail.SentEmailStore;
import io.circuitos.outcomes.OutcomeStore;
import io.circuitos.tasks.AppendMessageTask;
import io.circuitos.tasks.Conversation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads the decision trail of an agent's runs back from the engine's history (activities,
 * incidents, decisions with their matched rules, variables, tasks and their identity links) and the
 * application's own records, asked of the stores that own them (webhook deliveries, sent emails).
 * Nothing here writes.
 */
public class TraceReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private final HistoryService history;
    private final RepositoryService repository;
    private final DeliveryStore deliveries;
    private final SentEmailStore sentEmails;
    private final RouteCatalogue routes;
    private final OutcomeStore outcomes;
    /** deployment / form → the form's answer keys: a deployment's forms never change, so read each once. */
    private final Map<String, List<String>> answerKeys = new java.util.concurrent.ConcurrentHashMap<>();

    public TraceReader(ProcessEngine engine, DeliveryStore deliveries, SentEmailStore sentEmails, RouteCatalogue routes, OutcomeStore outcomes) {
        this.history = engine.getHistoryService();
        this.repository = engine.getRepositoryService();
        this.deliveries = deliveries;
        this.sentEmails = sentEmails;
        this.routes = routes;
        this.outcomes = outcomes;
    }

    /** The runs of {@code processKey} with this business key, newest first. */
    public List<RunTrace> runs(String processKey, String businessKey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().desc().list().stream().map(this::trace).toList();
    }

    /** Why no run of {@code processKey} has this business key: its delivery waits in the inbox, its history is gone, or none came. */
    public DeliveryStore.KeyDeliveries deliveriesOf(String processKey, String businessKey) {
        return deliveries.deliveriesOf(businessKey, eventTypes(processKey));
    }

    RunTrace trace(HistoricProcessInstance instance) {
        String id = instance.getId();
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
        Map<String, HistoricActivityInstance> byActivityInstance = activities.stream()
                .collect(Collectors.toMap(HistoricActivityInstance::getId, a -> a, (a, b) -> a, LinkedHashMap::new));
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .disableCustomObjectDeserialization().list();
        Map<String, Map<String, Object>> byScope = new HashMap<>();
        for (HistoricVariableInstance variable : variables) {
            byScope.computeIfAbsent(variable.getActivityInstanceId(), k -> new HashMap<>()).put(variable.getName(), value(variable));
        }
        Map<String, Object> processVariables = RunPayload.withFields(byScope.getOrDefault(id, Map.of()));
        Object endReason = processVariables.get("endReason");

        RunTrace.Run run = new RunTrace.Run(instance.getProcessDefinitionKey(), instance.getProcessDefinitionVersion(), instance.getBusinessKey(),
                id, instant(instance.getStartTime()), instant(instance.getEndTime()), instance.getState(),
                endReason == null ? null : endReason.toString());
        return new RunTrace(run, path(activities), incidents(id), decisions(id), scores(byScope, byActivityInstance),
                llmCalls(byScope, byActivityInstance), humanActions(instance, processVariables),
                messages(id, instance.getProcessDefinitionKey(), instance.getBusinessKey(), variables, byActivityInstance),
                outcomes.forRun(id).map(o -> new RunTrace.Outcome(o.outcome(), o.positive(), o.eventType(), o.recordedAt(), o.modelVersion(),
                        o.probability(), o.score())).orElse(null));
    }

    private static List<RunTrace.Step> path(List<HistoricActivityInstance> activities) {
        return activities.stream().map(a -> new RunTrace.Step(a.getActivityId(), a.getActivityName(), a.getActivityType(),
                instant(a.getStartTime()), instant(a.getEndTime()), a.getDurationInMillis())).toList();
    }

    private List<RunTrace.Incident> incidents(String id) {
        return history.createHistoricIncidentQuery().processInstanceId(id).list().stream()
                .map(i -> new RunTrace.Incident(i.getActivityId(), i.getIncidentType(), i.getIncidentMessage(), instant(i.getCreateTime()),
                        instant(i.getEndTime())))
                .toList();
    }

    private List<RunTrace.Decision> decisions(String id) {
        Map<String, DecisionDefinition> definitions = new HashMap<>();
        List<RunTrace.Decision> decisions = new ArrayList<>();
        for (HistoricDecisionInstance evaluated : history.createHistoricDecisionInstanceQuery().processInstanceId(id).includeInputs()
                .includeOutputs().disableCustomObjectDeserialization().orderByEvaluationTime().asc().list()) {
            DecisionDefinition definition = definitions.computeIfAbsent(evaluated.getDecisionDefinitionId(), repository::getDecisionDefinition);
            List<RunTrace.Value> inputs = evaluated.getInputs().stream()
                    .map(in -> new RunTrace.Value(in.getClauseName() != null ? in.getClauseName() : in.getClauseId(),
                            TrailValue.of(in::getTypedValue, in.getTypeName()))).toList();
            List<RunTrace.Value> outputs = evaluated.getOutputs().stream()
                    .map(out -> new RunTrace.Value(out.getVariableName(), TrailValue.of(out::getTypedValue, out.getTypeName()))).toList();
            decisions.add(new RunTrace.Decision(evaluated.getActivityId(), evaluated.getDecisionDefinitionKey(), definition.getVersion(),
                    instant(evaluated.getEvaluationTime()), inputs, outputs, matchedRules(definition, evaluated.getOutputs())));
        }
        return decisions;
    }

    private static List<RunTrace.Rule> matchedRules(DecisionDefinition definition, List<HistoricDecisionOutputInstance> outputs) {
        Map<String, Map<String, Object>> byRule = new LinkedHashMap<>();
        for (HistoricDecisionOutputInstance output : outputs) {
            byRule.computeIfAbsent(output.getRuleId(), k -> new LinkedHashMap<>())
                    .put(output.getVariableName(), TrailValue.of(output::getTypedValue, output.getTypeName()));
        }
        return byRule.entrySet().stream().map(rule -> new RunTrace.Rule(rule.getKey(), definition instanceof DmnDecision decision
                ? MatchedRuleRecorder.describe(decision, rule.getKey(), rule.getValue()) : rule.getKey())).toList();
    }

    private static List<RunTrace.Score> scores(Map<String, Map<String, Object>> byScope, Map<String, HistoricActivityInstance> activities) {
        List<RunTrace.Score> scores = new ArrayList<>();
        byScope.forEach((scope, values) -> {
            if (values.get("modelVersion") instanceof String version && values.containsKey("probability") && activities.containsKey(scope)) {
                scores.add(new RunTrace.Score(activities.get(scope).getActivityId(), version.split(" ")[0], version,
                        number(values.get("probability")), number(values.get("score")), text(values.get("topFeatures")),
                        shadows(values.get("shadowScores"))));
            }
        });
        return scores;
    }

    /** The challengers' scores {@code scoreWithModel} recorded in shadow; none when it recorded none or they cannot be read. */
    private static List<RunTrace.Shadow> shadows(Object recorded) {
        if (recorded == null) {
            return List.of();
        }
        List<RunTrace.Shadow> shadows = new ArrayList<>();
        for (JsonNode shadow : parse(recorded.toString())) {
            shadows.add(new RunTrace.Shadow(shadow.path("version").asText(null), shadow.path("probability").isNumber()
                    ? shadow.path("probability").asDouble() : null, shadow.path("score").isNumber() ? shadow.path("score").asDouble() : null,
                    shadow.path("failed").asText(null)));
        }
        return shadows;
    }

    private static List<RunTrace.LlmCall> llmCalls(Map<String, Map<String, Object>> byScope, Map<String, HistoricActivityInstance> activities) {
        Map<String, List<JsonNode>> logs = new HashMap<>(); // scope → its call log, each parsed once
        byScope.forEach((scope, values) -> {
            Object log = values.get("llmCallLog");
            if (log != null) {
                logs.put(scope, log instanceof JsonNode json ? entries(json) : parse(log.toString()));
            }
        });
        List<RunTrace.LlmCall> calls = new ArrayList<>();
        for (HistoricActivityInstance activity : activities.values()) {
            Map<String, Object> local = byScope.getOrDefault(activity.getId(), Map.of());
            Object origin = local.containsKey("draftOrigin") ? local.get("draftOrigin") : local.get("llmOrigin");
            if (origin == null || !local.containsKey("templateId")) {
                continue;
            }
            List<JsonNode> log = callLog(logs, activities, activity);
            String template = log.stream().map(e -> e.path("template").asText(null)).filter(Objects::nonNull).findFirst()
                    .orElse(text(local.get("templateId")));
            String model = log.stream().map(e -> e.path("model").asText(null)).filter(Objects::nonNull).findFirst().orElse(null);
            Object note = local.containsKey("draftNote") ? local.get("draftNote") : local.get("llmNote");
            List<JsonNode> modelCalls = log.stream().filter(e -> !"tool".equals(e.path("kind").asText())).toList();
            List<RunTrace.AgentStep> steps = log.stream().map(TraceReader::step).toList();
            String provider = steps.stream().filter(step -> step.provider() != null && step.promptTokens() != null)
                    .reduce((first, second) -> second).map(RunTrace.AgentStep::provider).orElse(null);
            calls.add(new RunTrace.LlmCall(activity.getActivityId(), template, model, sum(modelCalls, "latencyMs"),
                    sum(modelCalls, "promptTokens"), sum(modelCalls, "outputTokens"), text(local.get("guardResult")), origin.toString(),
                    text(note), text(local.containsKey("draft") ? local.get("draft") : local.get("answer")), provider, steps));
        }
        return calls;
    }

    private static RunTrace.AgentStep step(JsonNode entry) {
        List<String> failover = new ArrayList<>();
        entry.path("failover").forEach(f -> failover.add(f.asText()));
        boolean tool = "tool".equals(entry.path("kind").asText());
        return new RunTrace.AgentStep(tool ? "tool" : "model", entry.path("provider").asText(null), tool ? null : entry.path("model").asText(null),
                entry.path("tool").asText(null), entry.path("arguments").asText(null), entry.path("result").asText(null),
                entry.path("outcome").asText(null), entry.has("latencyMs") ? entry.path("latencyMs").asLong() : null,
                entry.has("promptTokens") ? entry.path("promptTokens").asLong() : null,
                entry.has("outputTokens") ? entry.path("outputTokens").asLong() : null, failover);
    }

    /** The LLM calls this activity recorded, from the call log of the nearest scope around it. */
    private static List<JsonNode> callLog(Map<String, List<JsonNode>> logs, Map<String, HistoricActivityInstance> activities,
                                          HistoricActivityInstance activity) {
        String scope = activity.getParentActivityInstanceId();
        while (scope != null && !logs.containsKey(scope)) {
            HistoricActivityInstance parent = activities.get(scope);
            scope = parent != null ? parent.getParentActivityInstanceId()
                    : scope.equals(activity.getProcessInstanceId()) ? null : activity.getProcessInstanceId();
        }
        return scope == null ? List.of()
                : logs.get(scope).stream().filter(e -> activity.getActivityId().equals(e.path("activity").asText())).toList();
    }

    private static List<JsonNode> parse(String log) {
        try {
            return entries(JSON.readTree(log));
        } catch (IOException unreadable) {
            return List.of(); // a log the trail cannot read shows no calls rather than failing the trail
        }
    }

    private static List<JsonNode> entries(JsonNode log) {
        List<JsonNode> entries = new ArrayList<>();
        log.forEach(entries::add);
        return entries;
    }

    private List<RunTrace.HumanAction> humanActions(HistoricProcessInstance instance, Map<String, Object> processVariables) {
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().list();
        if (tasks.isEmpty()) {
            return List.of();
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        String deploymentId = repository.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
        List<RunTrace.HumanAction> actions = new ArrayList<>();
        for (HistoricTaskInstance task : tasks) {
            List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list();
            List<String> groups = links.stream().filter(l -> "candidate".equals(l.getType()) && "add".equals(l.getOperationType())
                    && l.getGroupId() != null).map(HistoricIdentityLinkLog::getGroupId).distinct().toList();
            Instant claimed = links.stream().filter(l -> "assignee".equals(l.getType()) && "add".equals(l.getOperationType()))
                    .map(l -> instant(l.getTime())).min(Instant::compareTo).orElse(null);
            Map<String, Object> answers = new LinkedHashMap<>();
            if (task.getEndTime() != null) {
                for (String key : answerKeys(deploymentId, formRef(model, task.getTaskDefinitionKey()))) {
                    if (processVariables.containsKey(key)) {
                        answers.put(key, processVariables.get(key));
                    }
                }
            }
            actions.add(new RunTrace.HumanAction(task.getId(), task.getTaskDefinitionKey(), task.getName(), groups, task.getAssignee(),
                    instant(task.getStartTime()), claimed, instant(task.getEndTime()), task.getDeleteReason(), answers));
        }
        return actions;
    }

    private static String formRef(BpmnModelInstance model, String taskDefinitionKey) {
        ModelElementInstance element = model.getModelElementById(taskDefinitionKey);
        return element == null ? null : element.getAttributeValueNs(CAMUNDA, "formRef");
    }

    /**
     * The answers a form asks for (its fields that are not read-only): the form deployed with the
     * process, else the shipped one (circuitos deploys forms with their processes).
     */
    private List<String> answerKeys(String deploymentId, String formRef) {
        if (formRef == null) {
            return List.of();
        }
        return answerKeys.computeIfAbsent(deploymentId + "/" + formRef, k -> readAnswerKeys(deploymentId, formRef));
    }

    private List<String> readAnswerKeys(String deploymentId, String formRef) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        for (var resource : repository.getDeploymentResources(deploymentId)) {
            if (resource.getName().endsWith(".form")) {
                forms.put(resource.getName(), resource.getBytes());
            }
        }
        forms.putAll(ShippedAgents.forms());
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            try {
                List<AgentCatalog.FormField> fields = AgentCatalogs.formFields(Map.of(form.getKey(), form.getValue())).get(formRef);
                if (fields != null) {
                    return fields.stream().filter(f -> !f.readonly()).map(AgentCatalog.FormField::key).toList();
                }
            } catch (RuntimeException unreadable) {
                // not a form circuitos can read: look further
            }
        }
        return List.of();
    }

    private RunTrace.Messages messages(String id, String processKey, String businessKey, List<HistoricVariableInstance> variables,
                                       Map<String, HistoricActivityInstance> activities) {
        List<RunTrace.Delivery> inbound = deliveries.forRun(id, businessKey, eventTypes(processKey)).stream()
                .map(d -> RunTrace.Delivery.of(d.source(), d.webhookId(), d.eventType(), d.outcome(), d.receivedAt(), d.startedAt())).toList();
        List<RunTrace.Email> emails = sentEmails.forRun(id, processKey, businessKey).stream()
                .map(e -> new RunTrace.Email(e.step(), e.recipient(), e.subject(), e.sentAt())).toList();
        // the send task's own record (its scope), not the copies output mappings make of it
        Map<String, Map<String, Object>> byTask = new HashMap<>();
        variables.stream().filter(v -> activities.containsKey(v.getActivityInstanceId()))
                .forEach(v -> byTask.computeIfAbsent(v.getActivityInstanceId(), k -> new HashMap<>()).put(v.getName(), value(v)));
        List<RunTrace.Webhook> outbound = variables.stream().filter(v -> "webhookId".equals(v.getName()) && value(v) != null
                        && activities.containsKey(v.getActivityInstanceId()))
                .map(v -> {
                    Map<String, Object> task = byTask.get(v.getActivityInstanceId());
                    boolean delivered = Boolean.TRUE.equals(task.get("webhookDelivered"));
                    return new RunTrace.Webhook(activities.get(v.getActivityInstanceId()).getActivityId(), value(v).toString(), delivered,
                            delivered ? null : text(task.get("notSentReason")));
                }).toList();
        return new RunTrace.Messages(inbound, emails, outbound, conversation(id, variables));
    }

    private static List<RunTrace.ChatMessage> conversation(String instanceId, List<HistoricVariableInstance> variables) {
        return variables.stream().filter(v -> AppendMessageTask.MESSAGES.name().equals(v.getName()) && instanceId.equals(v.getActivityInstanceId()))
                .findFirst().map(v -> Conversation.parse(value(v)).stream()
                        .map(m -> new RunTrace.ChatMessage(m.author(), m.text(), m.at(), m.delivered())).toList())
                .orElse(List.of());
    }

    private Set<String> eventTypes(String processKey) {
        return routes.routes().stream().filter(r -> processKey.equals(r.processKey())).map(Route::type)
                .collect(Collectors.toSet());
    }

    private static Object value(HistoricVariableInstance variable) {
        return TrailValue.of(variable::getTypedValue, variable.getTypeName());
    }

    private static Long sum(Collection<JsonNode> entries, String field) {
        return entries.isEmpty() ? null : entries.stream().mapToLong(e -> e.path(field).asLong(0)).sum();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
