package io.circuitos.audit.trace;

import io.circuitos.privacy.PersonalData;
import io.circuitos.privacy.PersonalDecisionClauses;
import io.circuitos.privacy.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trail as a reader without the right to personal data sees it: {@link Redaction} applied to every
 * record of a run. Paths, decisions' non-personal clauses and scores stay; drafts, recipients and
 * messages do not.
 */
public class TrailRedaction {

    private final Redaction redaction;

    public TrailRedaction(Redaction redaction) {
        this.redaction = redaction;
    }

    public List<RunTrace> traces(List<RunTrace> traces) {
        return traces.stream().map(this::trace).toList();
    }

    public RunTrace trace(RunTrace trace) {
        Map<String, String> modelledNames = new LinkedHashMap<>();
        trace.path().forEach(step -> modelledNames.putIfAbsent(step.activityId(), step.activityName()));
        return new RunTrace(trace.run(), trace.path(), trace.incidents(), trace.decisions().stream().map(this::decision).toList(),
                trace.scores().stream().map(this::score).toList(), trace.llmCalls().stream().map(this::llmCall).toList(),
                trace.humanActions().stream().map(action -> humanAction(action, modelledNames.get(action.taskDefinitionKey()))).toList(),
                messages(trace.messages()), trace.outcome());
    }

    private RunTrace.Decision decision(RunTrace.Decision decision) {
        PersonalDecisionClauses.Clauses personalClauses = redaction.personalClauses(decision.decisionKey(), decision.decisionVersion());
        return new RunTrace.Decision(decision.activityId(), decision.decisionKey(), decision.decisionVersion(), decision.evaluated(),
                values(decision.inputs(), personalClauses.inputLabels()), values(decision.outputs(), personalClauses.outputNames()),
                decision.matchedRules());
    }

    private static List<RunTrace.Value> values(List<RunTrace.Value> values, Set<String> personalNames) {
        return values.stream().map(v -> personalNames.contains(v.name()) ? new RunTrace.Value(v.name(), PersonalData.REDACTED) : v).toList();
    }

    private RunTrace.Score score(RunTrace.Score score) {
        return new RunTrace.Score(score.activityId(), score.modelName(), score.modelVersion(), score.probability(), score.score(),
                redaction.topFeatures(score.topFeatures()), score.shadows());
    }

    private RunTrace.LlmCall llmCall(RunTrace.LlmCall call) {
        boolean personalText = call.text() != null && redaction.draftsArePersonal();
        return new RunTrace.LlmCall(call.activityId(), call.template(), call.model(), call.latencyMs(), call.promptTokens(),
                call.outputTokens(), call.guardResult(), call.origin(), call.note(), personalText ? PersonalData.REDACTED : call.text(),
                call.provider(), call.steps().stream().map(TrailRedaction::step).toList());
    }

    /** A tool's arguments and result are about the run's contact (a record, a search for their words): personal. */
    private static RunTrace.AgentStep step(RunTrace.AgentStep step) {
        if (!"tool".equals(step.kind())) {
            return step;
        }
        return new RunTrace.AgentStep(step.kind(), step.provider(), step.model(), step.tool(),
                step.arguments() == null ? null : PersonalData.REDACTED, step.result() == null ? null : PersonalData.REDACTED,
                step.outcome(), step.latencyMs(), step.promptTokens(), step.outputTokens(), step.failover());
    }

    private RunTrace.HumanAction humanAction(RunTrace.HumanAction action, String modelledName) {
        return new RunTrace.HumanAction(action.taskId(), action.taskDefinitionKey(), redaction.taskName(action.taskName(), modelledName),
                action.candidateGroups(), action.assignee(), action.created(), action.claimed(), action.completed(), action.outcome(),
                redaction.variables(action.answers()));
    }

    private static RunTrace.Messages messages(RunTrace.Messages messages) {
        return new RunTrace.Messages(messages.inbound(), messages.emails().stream()
                .map(e -> new RunTrace.Email(e.step(), PersonalData.REDACTED, e.subject() == null ? null : PersonalData.REDACTED, e.sent()))
                .toList(), messages.webhooks(), messages.conversation().stream()
                .map(m -> new RunTrace.ChatMessage(m.author(), PersonalData.REDACTED, m.at(), m.delivered())).toList());
    }
}
