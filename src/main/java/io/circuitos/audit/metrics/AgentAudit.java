package io.circuitos.audit.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The audit view of an agent over a window of days, computed from the engine's history (so it is
 * the same on every node and survives restarts): runs, success rate, latency percentiles, results
 * per decision, escalations, LLM fallbacks and mean confidence.
 */
public class AgentAudit {

    private final HistoryService history;
    private final RepositoryService repository;

    public AgentAudit(ProcessEngine engine) {
        this.history = engine.getHistoryService();
        this.repository = engine.getRepositoryService();
    }

    public boolean exists(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }

    public Map<String, Object> metrics(String processKey, int days) {
        Date from = Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(days)));
        List<HistoricProcessInstance> runs = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).startedAfter(from).list();
        Set<String> ids = new HashSet<>();
        runs.forEach(r -> ids.add(r.getId()));
        Set<String> withIncident = new HashSet<>();
        history.createHistoricIncidentQuery().processDefinitionKeyIn(processKey).list().forEach(i -> withIncident.add(i.getProcessInstanceId()));
        List<HistoricProcessInstance> ended = runs.stream().filter(r -> r.getEndTime() != null).toList();
        long endedWell = ended.stream().filter(r -> "COMPLETED".equals(r.getState()) && !withIncident.contains(r.getId())).count();

        Map<String, Instant> firstTask = new HashMap<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processDefinitionKey(processKey).startedAfter(from).list()) {
            firstTask.merge(task.getProcessInstanceId(), task.getStartTime().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Long> toHandoff = new ArrayList<>();
        List<Long> toEnd = new ArrayList<>();
        Map<String, Long> outcomes = new TreeMap<>();
        for (HistoricProcessInstance run : runs) {
            Instant task = firstTask.get(run.getId());
            if (task != null) {
                toHandoff.add(Duration.between(run.getStartTime().toInstant(), task).toMillis());
            }
            if (run.getDurationInMillis() != null) {
                toEnd.add(run.getDurationInMillis());
                outcomes.merge(run.getEndActivityId() != null ? run.getEndActivityId() : run.getState().toLowerCase(java.util.Locale.ROOT), 1L,
                        Long::sum);
            }
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("process", processKey);
        body.put("days", days);
        body.put("from", from.toInstant());
        body.put("runs", runs.size());
        body.put("running", runs.size() - ended.size());
        body.put("ended", ended.size());
        body.put("successRate", ended.isEmpty() ? null : (double) endedWell / ended.size());
        body.put("withIncident", runs.stream().filter(r -> withIncident.contains(r.getId())).count());
        body.put("latencyMs", Map.of("startToHumanTask", percentiles(toHandoff), "startToEnd", percentiles(toEnd)));
        body.put("outcomes", outcomes);
        body.put("decisions", decisions(processKey, from));
        body.put("escalations", escalations(processKey, from));
        body.put("deliveries", deliveries(processKey, ids));
        body.putAll(llm(processKey, ids));
        return body;
    }

    /** Per decision key, how often each (text) result came out: the bands, the routes. */
    private Map<String, Map<String, Long>> decisions(String processKey, Date from) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processDefinitionKey(processKey).evaluatedAfter(from)
                .includeOutputs().disableCustomObjectDeserialization().list()) {
            counts.computeIfAbsent(decision.getDecisionDefinitionKey(), k -> new TreeMap<>())
                    .merge(AgentMetrics.result(decision.getOutputs()), 1L, Long::sum);
        }
        return counts;
    }

    /** What the send tasks of the window's runs did, by {@link DeliveryOutcome}: the tasks' own results, not their mapped copies. */
    private Map<String, Long> deliveries(String processKey, Set<String> runs) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, org.camunda.bpm.model.bpmn.BpmnModelInstance> models = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processDefinitionKey(processKey)
                .variableNameIn("emailSent", "notified", "webhookDelivered").list()) {
            String scope = variable.getActivityInstanceId();
            if (!runs.contains(variable.getProcessInstanceId()) || scope == null || scope.equals(variable.getProcessInstanceId())) {
                continue;
            }
            var model = models.computeIfAbsent(variable.getProcessDefinitionId(), repository::getBpmnModelInstance);
            var element = model.getModelElementById(scope.substring(0, Math.max(0, scope.indexOf(':'))));
            if (element instanceof org.camunda.bpm.model.bpmn.instance.Task) { // the task's own result, not a sub-process's copy
                DeliveryOutcome.of(variable.getName(), variable.getValue()).ifPresent(outcome -> counts.merge(outcome, 1L, Long::sum));
            }
        }
        return counts;
    }

    /** SLA timers that fired: the work went to the escalation group. */
    private long escalations(String processKey, Date from) {
        long count = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(processKey).list()) {
            count += history.createHistoricActivityInstanceQuery().processDefinitionId(definition.getId()).activityType("boundaryTimer")
                    .startedAfter(from).count();
        }
        return count;
    }

    private Map<String, Object> llm(String processKey, Set<String> runs) {
        Map<String, Long> origins = new TreeMap<>();
        double confidence = 0;
        int confidences = 0;
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processDefinitionKey(processKey)
                .variableNameIn("draftOrigin", "llmOrigin", "confidence").disableCustomObjectDeserialization().list()) {
            if (!runs.contains(variable.getProcessInstanceId()) || variable.getValue() == null
                    || variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
                continue; // the task's own value, not its copy mapped out to the process
            }
            if ("confidence".equals(variable.getName()) && variable.getValue() instanceof Number number) {
                confidence += number.doubleValue();
                confidences++;
            } else if (!"confidence".equals(variable.getName())) {
                origins.merge(variable.getValue().toString(), 1L, Long::sum);
            }
        }
        long drafts = origins.values().stream().mapToLong(Long::longValue).sum();
        long fallbacks = drafts - origins.getOrDefault("llm", 0L);
        Map<String, Object> llm = new LinkedHashMap<>();
        llm.put("llmDrafts", origins);
        llm.put("llmFallbackRate", drafts == 0 ? null : (double) fallbacks / drafts);
        llm.put("meanConfidence", confidences == 0 ? null : confidence / confidences);
        return llm;
    }

    static Map<String, Long> percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return Map.of();
        }
        List<Long> sorted = values.stream().sorted().toList();
        Map<String, Long> p = new LinkedHashMap<>();
        p.put("p50", sorted.get((int) Math.ceil(0.50 * sorted.size()) - 1));
        p.put("p90", sorted.get((int) Math.ceil(0.90 * sorted.size()) - 1));
        p.put("p99", sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1));
        p.put("max", sorted.get(sorted.size() - 1));
        return p;
    }
}
