package io.circuitos.privacy;

import io.circuitos.audit.trace.RunTrace;
import io.circuitos.audit.whatif.WhatIfReplay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What circuitos itself serves to a reader without the right to personal data: the same trail and
 * what-if answer with every personal value replaced by {@value PersonalData#REDACTED}. Decisions, scores
 * and paths stay; contact data, drafts, answers and titles built from names do not.
 */
public class Redaction {

    /** One feature of {@code topFeatures}, as {@code FeatureContribution} writes it. */
    private static final Pattern FEATURE = Pattern.compile("(\\w+)=(.*?) \\(([+-][0-9.]+) vs typical (.*?)\\)(?=; |$)");

    private final PersonalData personal;
    private final PersonalDecisionClauses clauses;

    public Redaction(PersonalData personal, PersonalDecisionClauses clauses) {
        this.personal = personal;
        this.clauses = clauses;
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
                messages(trace.messages()));
    }

    public WhatIfReplay.Result whatIf(WhatIfReplay.Result result) {
        return new WhatIfReplay.Result(result.decisionKey(), result.deployedVersion(), result.days(), result.evaluations(), result.before(),
                result.after(), result.changed(), result.sample().stream().map(c -> new WhatIfReplay.Change(c.businessKey(),
                c.processInstanceId(), variables(c.inputs()), c.before(), c.after(), c.matchedRules())).toList(), result.unevaluated(),
                result.unevaluable().stream().map(u -> new WhatIfReplay.Unevaluable(u.decisionInstanceId(), u.businessKey(),
                        variables(u.inputs()), u.reason())).toList());
    }

    /**
     * A task's name as resolved when it was created ({@code Call applicant: ${caseTitle}} became a
     * person's name): the name as modelled when the model's expression reads personal data.
     */
    public String taskName(String resolvedName, String modelledName) {
        if (modelledName == null) {
            return resolvedName == null ? null : PersonalData.REDACTED;
        }
        return personal.mentionsPersonal(modelledName) ? modelledName : resolvedName;
    }

    /** {@code topFeatures} with the value of every personal feature redacted; all of it when it cannot be read. */
    public String topFeatures(String topFeatures) {
        if (topFeatures == null || !personal.mentionsPersonal(topFeatures)) {
            return topFeatures;
        }
        StringBuilder redacted = new StringBuilder();
        Matcher feature = FEATURE.matcher(topFeatures);
        int end = 0;
        while (feature.find()) {
            if (feature.start() != (end == 0 ? 0 : end + 2)) {
                return PersonalData.REDACTED;
            }
            redacted.append(topFeatures, end, feature.start(2))
                    .append(personal.isPersonal(feature.group(1)) ? PersonalData.REDACTED : feature.group(2))
                    .append(topFeatures, feature.end(2), feature.end());
            end = feature.end();
        }
        return end == topFeatures.length() ? redacted.toString() : PersonalData.REDACTED;
    }

    private RunTrace.Decision decision(RunTrace.Decision decision) {
        PersonalDecisionClauses.Clauses personalClauses = clauses.of(decision.decisionKey(), decision.decisionVersion());
        return new RunTrace.Decision(decision.activityId(), decision.decisionKey(), decision.decisionVersion(), decision.evaluated(),
                values(decision.inputs(), personalClauses.inputLabels()), values(decision.outputs(), personalClauses.outputNames()),
                decision.matchedRules());
    }

    private static List<RunTrace.Value> values(List<RunTrace.Value> values, Set<String> personalNames) {
        return values.stream().map(v -> personalNames.contains(v.name()) ? new RunTrace.Value(v.name(), PersonalData.REDACTED) : v).toList();
    }

    private RunTrace.Score score(RunTrace.Score score) {
        return new RunTrace.Score(score.activityId(), score.modelName(), score.modelVersion(), score.probability(), score.score(),
                topFeatures(score.topFeatures()));
    }

    /** The drafted text is a draft or an answer to the customer. */
    private RunTrace.LlmCall llmCall(RunTrace.LlmCall call) {
        boolean personalText = call.text() != null && (personal.isPersonal("draft") || personal.isPersonal("answer"));
        return new RunTrace.LlmCall(call.activityId(), call.template(), call.model(), call.latencyMs(), call.promptTokens(),
                call.outputTokens(), call.guardResult(), call.origin(), call.note(), personalText ? PersonalData.REDACTED : call.text());
    }

    private RunTrace.HumanAction humanAction(RunTrace.HumanAction action, String modelledName) {
        return new RunTrace.HumanAction(action.taskId(), action.taskDefinitionKey(), taskName(action.taskName(), modelledName),
                action.candidateGroups(), action.assignee(), action.created(), action.claimed(), action.completed(), action.outcome(),
                variables(action.answers()));
    }

    private static RunTrace.Messages messages(RunTrace.Messages messages) {
        return new RunTrace.Messages(messages.inbound(), messages.emails().stream()
                .map(e -> new RunTrace.Email(e.step(), PersonalData.REDACTED, e.subject() == null ? null : PersonalData.REDACTED, e.sent()))
                .toList(), messages.webhooks(), messages.conversation().stream()
                .map(m -> new RunTrace.ChatMessage(m.author(), PersonalData.REDACTED, m.at(), m.delivered())).toList());
    }

    private Map<String, Object> variables(Map<String, Object> variables) {
        Map<String, Object> redacted = new LinkedHashMap<>();
        variables.forEach((name, value) -> redacted.put(name, personal.isPersonal(name) && value != null ? PersonalData.REDACTED : value));
        return redacted;
    }
}
