package io.circuitos.audit.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' metrics, counted from the engine's history events as they are written (one handler
 * beside the database handler, no code in the delegates): runs started and ended, decisions by
 * result, what send tasks did ({@link DeliveryOutcome}), hand-offs to people by group, escalations (an SLA timer that fired), incidents, LLM drafts by
 * origin, and the time from a run's start (the webhook accepted) to its first human task.
 * Label values come from the deployed models (process keys, end event ids, decision keys and their
 * text results, candidate groups), so their number stays bounded.
 */
public class AgentMetrics implements HistoryEventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AgentMetrics.class);
    private static final int MAX_LABEL = 64;

    private final MeterRegistry registry;
    /** activity instance → prompt id, so a draft's origin can be counted with its template. */
    private final Cache<String, String> templates = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Cache<String, String> providers = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    /** run → its start (epoch ms), so the first hand-off needs no query when both happen on this node. */
    private final Cache<String, Long> startTimes = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofDays(1)).build();
    /** runs whose first hand-off was measured on this node. */
    private final Cache<String, Boolean> handedOff = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofDays(1)).build();

    /** Time spent in this handler, so its cost can be read next to the process's CPU time. */
    private final java.util.concurrent.atomic.LongAdder nanosSpent = new java.util.concurrent.atomic.LongAdder();

    public AgentMetrics(MeterRegistry registry) {
        this.registry = registry;
        io.micrometer.core.instrument.FunctionCounter.builder("circuitos.agent.metrics.handler", nanosSpent, n -> n.sum() / 1e9)
                .description("time spent counting the agents' history events").baseUnit("seconds").register(registry);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        long started = System.nanoTime();
        try {
            count(event);
        } catch (RuntimeException e) {
            LOG.warn("agent metrics: could not count {} event: {}", event.getEventType(), e.toString()); // never fail the engine's command
        } finally {
            nanosSpent.add(System.nanoTime() - started);
        }
    }

    private void count(HistoryEvent event) {
        String agent = event instanceof HistoricDecisionEvaluationEvent evaluation
                ? evaluation.getRootHistoricDecisionInstance().getProcessDefinitionKey() : event.getProcessDefinitionKey();
        if (agent == null) {
            return; // not part of a run: a decision evaluated over REST, say
        }
        if (event instanceof HistoricProcessInstanceEventEntity run) {
            if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(run.getEventType())) {
                counter("circuitos.agent.runs.started", "runs started", "agent", agent).increment();
                if (run.getStartTime() != null) {
                    startTimes.put(run.getProcessInstanceId(), run.getStartTime().getTime());
                }
            } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(run.getEventType())) {
                counter("circuitos.agent.runs.ended", "runs ended, by end event or state", "agent", agent, "outcome", outcome(run)).increment();
            }
        } else if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            HistoricDecisionInstanceEntity decision = evaluation.getRootHistoricDecisionInstance();
            counter("circuitos.agent.decisions", "decision table evaluations, by result", "agent", agent,
                    "decision", decision.getDecisionDefinitionKey(), "result", result(decision.getOutputs())).increment();
        } else if (event instanceof HistoricIdentityLinkLogEventEntity link) {
            if ("candidate".equals(link.getType()) && "add".equals(link.getOperationType()) && link.getGroupId() != null) {
                counter("circuitos.agent.handoffs", "human tasks offered to a group", "agent", agent, "group", link.getGroupId()).increment();
            }
        } else if (event instanceof HistoricTaskInstanceEventEntity task) {
            if (HistoryEventTypes.TASK_INSTANCE_CREATE.getEventName().equals(task.getEventType())) {
                firstHandoff(agent, task);
            }
        } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
            if ("boundaryTimer".equals(activity.getActivityType())
                    && HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(activity.getEventType())) {
                counter("circuitos.agent.escalations", "SLA timers that fired", "agent", agent).increment();
            }
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            if (HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(incident.getEventType())) {
                counter("circuitos.agent.incidents", "incidents raised (a job out of retries, a failed start)", "agent", agent).increment();
            }
        } else if (event instanceof HistoricVariableUpdateEventEntity variable
                && HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(variable.getEventType())) {
            draft(variable);
            delivery(agent, variable);
        }
    }

    private void draft(HistoricVariableUpdateEventEntity variable) {
        String scope = variable.getScopeActivityInstanceId();
        String text = variable.getTextValue();
        if (scope == null || text == null) {
            return;
        }
        switch (variable.getVariableName()) {
            case "templateId" -> templates.put(scope, text);
            case "llmProvider" -> providers.put(scope, text); // written before the origin
            case "draftOrigin", "llmOrigin" -> {
                String template = templates.getIfPresent(scope);
                if (template != null) { // an LLM task: templateId is one of its inputs (draftFromTemplate has no origin but "template")
                    String provider = providers.getIfPresent(scope);
                    counter("circuitos.llm.calls", "LLM drafts and answers, by origin (llm, template, none) and the provider that answered",
                            "template", label(template), "origin", label(text), "provider", label(provider == null ? "none" : provider)).increment();
                }
            }
            default -> {
            }
        }
    }

    /** A send task's own result (written in its scope), not the copies output mappings make of it. */
    private void delivery(String agent, HistoricVariableUpdateEventEntity variable) {
        if (!DeliveryOutcome.isResult(variable.getVariableName()) || variable.getScopeActivityInstanceId() == null
                || !variable.getScopeActivityInstanceId().equals(variable.getActivityInstanceId())
                || variable.getScopeActivityInstanceId().equals(variable.getProcessInstanceId())) {
            return;
        }
        Object value = variable.getLongValue() == null ? null : variable.getLongValue() != 0;
        DeliveryOutcome.of(variable.getVariableName(), value).ifPresent(outcome -> counter("circuitos.agent.deliveries",
                "what send tasks did: EmailSent, EmailNotSent, Notified, NotNotified, WebhookDelivered, WebhookNotDelivered",
                "agent", agent, "outcome", outcome).increment());
    }

    private void firstHandoff(String agent, HistoricTaskInstanceEventEntity task) {
        String run = task.getProcessInstanceId();
        if (run == null || handedOff.getIfPresent(run) != null) {
            return;
        }
        handedOff.put(run, Boolean.TRUE);
        Long started = startTimes.getIfPresent(run);
        if (started == null) { // started on another node, or before this one started: ask the database
            CommandContext command = Context.getCommandContext();
            HistoricProcessInstanceEntity instance = command == null ? null
                    : command.getHistoricProcessInstanceManager().findHistoricProcessInstance(run);
            started = instance == null || instance.getStartTime() == null ? null : instance.getStartTime().getTime();
        }
        Date created = task.getStartTime();
        if (started != null && created != null) {
            Timer.builder("circuitos.agent.handoff").description("webhook accepted (run started) to its first human task")
                    .tag("agent", agent).publishPercentileHistogram().register(registry)
                    .record(Duration.ofMillis(Math.max(0, created.getTime() - started)));
        }
    }

    private static String outcome(HistoricProcessInstanceEventEntity run) {
        if ("COMPLETED".equals(run.getState()) && run.getEndActivityId() != null) {
            return label(run.getEndActivityId());
        }
        return run.getState() == null ? "ended" : run.getState().toLowerCase(java.util.Locale.ROOT);
    }

    /** The first output's value when it is text or a flag (a band, a route); numbers would make a label per value. */
    static String result(List<HistoricDecisionOutputInstance> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            return "no rule matched";
        }
        Object value = outputs.get(0).getValue();
        if (value instanceof String || value instanceof Boolean) {
            return label(value.toString());
        }
        return value == null ? "null" : "number";
    }

    private static String label(String value) {
        return value.length() > MAX_LABEL ? value.substring(0, MAX_LABEL) : value;
    }

    /** Counters by name and label values, so the hot path looks one up instead of building it. */
    private final java.util.concurrent.ConcurrentMap<List<String>, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    private Counter counter(String name, String description, String... tags) {
        List<String> key = new java.util.ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(java.util.Arrays.asList(tags));
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
