package io.circuitos.audit.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The decision trail of one run of an agent: what happened, in order, and why. Field names are a
 * contract of {@code GET /api/agents/{process}/runs/{businessKey}/trace}.
 */
public record RunTrace(Run run, List<Step> path, List<Incident> incidents, List<Decision> decisions, List<Score> scores,
                       List<LlmCall> llmCalls, List<HumanAction> humanActions, Messages messages, Outcome outcome) {

    /**
     * How the case ended, as the CRM, the forms or the help desk said ({@code outcome}: {@code won}, {@code signed},
     * {@code reopened}...; {@code positive}: what the model predicts), beside the score the run recorded before anyone
     * knew; null while no outcome has come.
     */
    public record Outcome(String outcome, boolean positive, String eventType, Instant recorded, String modelVersion, Double probability,
                          Double score) {
    }

    /** {@code state}: ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED. */
    public record Run(String processKey, int processVersion, String businessKey, String instanceId, Instant start, Instant end,
                      String state, String endReason) {
    }

    /**
     * A step of the path, named as modelled ({@code Call applicant: ${caseTitle}}): the name a user task got when it was
     * created is its {@link HumanAction#taskName()}, where the trail's redaction can tell whether it names a person.
     */
    public record Step(String activityId, String activityName, String activityType, Instant start, Instant end, Long durationMs) {
    }

    public record Incident(String activityId, String type, String message, Instant created, Instant resolved) {
    }

    public record Decision(String activityId, String decisionKey, int decisionVersion, Instant evaluated, List<Value> inputs,
                           List<Value> outputs, List<Rule> matchedRules) {
    }

    public record Value(String name, Object value) {
    }

    /** A matched rule: its id and the rule as the analyst wrote it. */
    public record Rule(String id, String rule) {
    }

    /** @param shadows the challengers' scores of the same case, recorded and never deciding; empty when the model has none */
    public record Score(String activityId, String modelName, String modelVersion, Double probability, Double score, String topFeatures,
                        List<Shadow> shadows) {

        public Score(String activityId, String modelName, String modelVersion, Double probability, Double score, String topFeatures) {
            this(activityId, modelName, modelVersion, probability, score, topFeatures, List.of());
        }
    }

    /** A challenger's score in shadow: its version and what it would have said ({@code failed} when it could not score). */
    public record Shadow(String version, Double probability, Double score, String failed) {
    }

    /**
     * {@code origin}: {@code llm} (a model answered), {@code template} or {@code none} (no draft); {@code provider}: the one
     * that answered last; {@code steps}: every model call and tool call of the task, in order (latency and tokens above are the
     * model calls' sum).
     */
    public record LlmCall(String activityId, String template, String model, Long latencyMs, Long promptTokens, Long outputTokens,
                          String guardResult, String origin, String note, String text, String provider, List<AgentStep> steps) {
    }

    /**
     * One step of an LLM task: {@code kind} {@code model} (provider, model, tokens, the providers that failed before it in
     * {@code failover}) or {@code tool} (the tool, the arguments the model gave and a summary of the result); {@code outcome}
     * says how it went.
     */
    public record AgentStep(String kind, String provider, String model, String tool, String arguments, String result, String outcome,
                            Long latencyMs, Long promptTokens, Long outputTokens, List<String> failover) {
    }

    public record HumanAction(String taskId, String taskDefinitionKey, String taskName, List<String> candidateGroups, String assignee,
                              Instant created, Instant claimed, Instant completed, String outcome, Map<String, Object> answers) {
    }

    /** @param conversation the run's conversation ({@code messages}, written by {@code appendMessage}), oldest first; empty when it has none */
    public record Messages(List<Delivery> inbound, List<Email> emails, List<Webhook> webhooks, List<ChatMessage> conversation) {
    }

    /** One message of a conversation: who wrote it ({@code customer}, {@code ai}, {@code rep}), and whether it reached the customer. */
    public record ChatMessage(String author, String text, Instant at, boolean delivered) {
    }

    /**
     * An inbound delivery: received (its 202), what it did ({@code outcome}: started, continued, ignored-active-run,
     * applied, or queued while it waits), and for one that waited in the inbox, when the drainer took it and the wait
     * between ({@code started} and {@code waitMillis} null for one handled in its request).
     */
    public record Delivery(String source, String webhookId, String eventType, String outcome, Instant received, Instant started, Long waitMillis) {

        static Delivery of(String source, String webhookId, String eventType, String outcome, Instant received, Instant started) {
            return new Delivery(source, webhookId, eventType, outcome, received, started,
                    started == null ? null : java.time.Duration.between(received, started).toMillis());
        }
    }

    public record Email(String step, String recipient, String subject, Instant sent) {
    }

    /** An outbound webhook a send task made: {@code delivered} false with {@code notSentReason} when it did not reach its target. */
    public record Webhook(String activityId, String webhookId, boolean delivered, String notSentReason) {
    }
}
