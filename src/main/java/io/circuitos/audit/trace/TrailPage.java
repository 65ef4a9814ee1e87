package io.circuitos.audit.trace;

import io.circuitos.intake.StartResult;
import io.circuitos.tasks.Conversation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import io.circuitos.web.HtmlPage;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * The decision trail as a page for people who never saw JSON: the path as a timeline, each decision
 * table with the row that matched highlighted, the score with its top features as bars, the drafts
 * with their guard result, the human actions and the messages.
 */
final class TrailPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern FEATURE = Pattern.compile(io.circuitos.ml.FeatureContribution.PATTERN);
    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String COCKPIT = "/camunda/app/cockpit/default/";

    private TrailPage() {
    }

    /** @param tables the deployed decision of each evaluation (key and version), null when it is gone */
    static String render(List<RunTrace> runs, RunTrace shown, Function<RunTrace.Decision, DmnDecision> tables) {
        RunTrace.Run run = shown.run();
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(e(run.processKey())).append(" · ").append(e(run.businessKey())).append("</h1>")
                .append("<p>").append(state(run)).append(" Started ").append(time(run.start()))
                .append(run.end() == null ? "" : ", ended " + time(run.end())).append(". Process version ").append(run.processVersion())
                .append(", instance <span class=\"muted\">").append(e(run.instanceId())).append("</span>.</p>");
        links(html, shown);
        if (run.endReason() != null) {
            html.append("<p><strong>Why it ended:</strong> ").append(e(run.endReason())).append("</p>");
        }
        outcome(html, shown.outcome());
        if (runs.size() > 1) {
            html.append("<nav>Runs with this key, newest first: ");
            for (RunTrace other : runs) {
                html.append("<a href=\"?run=").append(e(other.run().instanceId())).append("\">").append(time(other.run().start()))
                        .append(other == shown ? " (shown)" : "").append("</a>");
            }
            html.append("</nav>");
        }
        scores(html, shown.scores());
        decisions(html, shown.decisions(), tables);
        drafts(html, shown.llmCalls());
        humanActions(html, shown.humanActions());
        timeline(html, shown);
        messages(html, shown.messages());
        incidents(html, shown.incidents());
        html.append("<p class=\"muted\">The same trail as JSON: <code>GET /api/agents/").append(e(run.processKey())).append("/runs/")
                .append(e(run.businessKey())).append("/trace</code></p>");
        return HtmlPage.of("Trail of " + run.processKey() + " " + run.businessKey(), html.toString());
    }

    /** How the case ended, as the outside said, beside what the model predicted before anyone knew. */
    private static void outcome(StringBuilder html, RunTrace.Outcome outcome) {
        if (outcome == null) {
            return;
        }
        html.append("<p><strong>Outcome:</strong> ").append(e(outcome.outcome())).append(" (").append(e(outcome.eventType())).append(", ")
                .append(time(outcome.recorded())).append(")");
        if (outcome.modelVersion() != null) {
            html.append(". The run's score before: ").append(outcome.score() == null ? ""
                            : new java.math.BigDecimal(outcome.score()).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + ", ")
                    .append("probability ").append(String.format(java.util.Locale.ROOT, "%.2f", outcome.probability())).append(" by ")
                    .append(e(outcome.modelVersion())).append(outcome.positive() ? " (the outcome it predicts)" : " (not the outcome it predicts)");
        } else {
            html.append(". The run recorded no score");
        }
        html.append(".</p>");
    }

    /** Back to the work: the open task in Tasklist (else Tasklist), the instance in Cockpit; the JSON. */
    private static void links(StringBuilder html, RunTrace shown) {
        String openTask = shown.humanActions().stream().filter(a -> a.completed() == null).map(RunTrace.HumanAction::taskId)
                .reduce((first, last) -> last).orElse(null);
        html.append("<nav class=\"links\"><a href=\"").append(TASKLIST).append(openTask == null ? "" : "#/?task=" + url(openTask)).append("\">")
                .append(openTask == null ? "Tasklist" : "Back to the task in Tasklist").append("</a><a href=\"").append(COCKPIT)
                .append("#/process-instance/").append(url(shown.run().instanceId())).append("\">This run in Cockpit</a><a href=\"/api/agents/")
                .append(url(shown.run().processKey())).append("/runs/").append(url(shown.run().businessKey())).append("/trace\">JSON</a></nav>");
    }

    private static String url(String segment) {
        return e(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
    }

    private static String state(RunTrace.Run run) {
        boolean ok = "COMPLETED".equals(run.state()) || "ACTIVE".equals(run.state());
        return "<span class=\"badge" + (ok ? "" : " warn") + "\">" + e(run.state()) + "</span>";
    }

    private static void scores(StringBuilder html, List<RunTrace.Score> scores) {
        if (scores.isEmpty()) {
            return;
        }
        html.append("<h2>Score</h2>");
        for (RunTrace.Score score : scores.subList(0, Math.min(scores.size(), 20))) {
            html.append("<p><strong>").append(e(score.modelName())).append("</strong>: score ").append(number(score.score()))
                    .append(" of 100, probability ").append(number(score.probability())).append(" <span class=\"muted\">(")
                    .append(e(score.modelVersion())).append(", step ").append(e(score.activityId())).append(")</span></p>");
            for (RunTrace.Shadow shadow : score.shadows()) {
                html.append("<p class=\"muted\">Challenger in shadow (did not decide): ").append(e(shadow.version())).append(": ")
                        .append(shadow.failed() != null ? "could not score (" + e(shadow.failed()) + ")"
                                : "score " + number(shadow.score()) + ", probability " + number(shadow.probability())).append("</p>");
            }
            features(html, score.topFeatures());
        }
        if (scores.size() > 20) {
            html.append("<p class=\"muted\">and ").append(scores.size() - 20).append(" more scores.</p>");
        }
    }

    private static void features(StringBuilder html, String topFeatures) {
        if (topFeatures == null || topFeatures.isBlank()) {
            return;
        }
        Matcher feature = FEATURE.matcher(topFeatures);
        if (!feature.find()) { // a sentence such as "no feature raises this score"
            html.append("<p class=\"muted\">").append(e(topFeatures)).append("</p>");
            return;
        }
        feature.reset();
        html.append("<table><tr><th>top feature</th><th>value</th><th>compared with</th><th>effect on the score</th></tr>");
        while (feature.find()) {
            double contribution = Double.parseDouble(feature.group(3));
            int width = (int) Math.min(100, Math.round(Math.abs(contribution) * 100));
            html.append("<tr><td>").append(e(feature.group(1))).append("</td><td>").append(e(feature.group(2))).append("</td><td>")
                    .append(feature.group(4) == null ? "the average case" : "typical " + e(feature.group(4))).append("</td><td>").append(svg("bar", 0, Math.max(width, 1), contribution < 0 ? "neg" : null))
                    .append(e(feature.group(3))).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void decisions(StringBuilder html, List<RunTrace.Decision> decisions, Function<RunTrace.Decision, DmnDecision> tables) {
        if (decisions.isEmpty()) {
            return;
        }
        html.append("<h2>Decisions</h2>");
        for (RunTrace.Decision decision : decisions.subList(0, Math.min(decisions.size(), 20))) {
            html.append("<h3>").append(e(decision.decisionKey())).append(" <span class=\"muted\">version ").append(decision.decisionVersion())
                    .append(", ").append(time(decision.evaluated())).append("</span></h3><p>Inputs: ");
            decision.inputs().forEach(in -> html.append(e(in.name())).append(" = <strong>").append(e(abbreviate(String.valueOf(in.value()))))
                    .append("</strong>; "));
            html.append("</p>");
            DmnDecision table = tables.apply(decision);
            if (table != null && table.getDecisionLogic() instanceof DmnDecisionTableImpl logic) {
                table(html, logic, decision.matchedRules().stream().map(RunTrace.Rule::id).toList());
            } else {
                decision.matchedRules().forEach(rule -> html.append("<p>Matched: ").append(e(rule.rule())).append("</p>"));
            }
        }
    }

    private static void table(StringBuilder html, DmnDecisionTableImpl logic, List<String> matched) {
        html.append("<table><tr><th>#</th>");
        for (DmnDecisionTableInputImpl input : logic.getInputs()) {
            html.append("<th>").append(e(label(input.getName(), input.getExpression()))).append("</th>");
        }
        for (DmnDecisionTableOutputImpl output : logic.getOutputs()) {
            html.append("<th>→ ").append(e(output.getOutputName())).append("</th>");
        }
        html.append("</tr>");
        int row = 1;
        for (DmnDecisionTableRuleImpl rule : logic.getRules()) {
            html.append("<tr").append(matched.contains(rule.getId()) ? " class=\"matched\" title=\"this rule decided\"" : "").append("><td>")
                    .append(row++).append(matched.contains(rule.getId()) ? " ✔" : "").append("</td>");
            rule.getConditions().forEach(c -> html.append("<td>").append(e(Objects.toString(c.getExpression(), "-"))).append("</td>"));
            rule.getConclusions().forEach(c -> html.append("<td>").append(e(Objects.toString(c.getExpression(), ""))).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String label(String name, DmnExpressionImpl expression) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return expression == null ? "" : Objects.toString(expression.getExpression(), "");
    }

    /** Every model call and tool call of an LLM task, in order, when there was more than one answered call or a failover. */
    private static void steps(StringBuilder html, List<RunTrace.AgentStep> steps) {
        boolean worthListing = steps.size() > 1 || steps.stream().anyMatch(s -> !s.failover().isEmpty());
        if (!worthListing) {
            return;
        }
        html.append("<ol class=\"steps\">");
        for (RunTrace.AgentStep step : steps.subList(0, Math.min(steps.size(), 50))) {
            html.append("<li>");
            if ("tool".equals(step.kind())) {
                html.append("tool <strong>").append(e(step.tool())).append("</strong>(").append(e(Objects.toString(step.arguments(), "")))
                        .append(") → ").append(e(step.outcome()));
                if (step.result() != null && !step.result().isBlank()) {
                    html.append(" <span class=\"muted\">").append(e(step.result())).append("</span>");
                }
            } else {
                html.append("model call").append(step.provider() == null ? "" : " to <strong>" + e(step.provider()) + "</strong>")
                        .append(step.model() == null ? "" : " (" + e(step.model()) + ")").append(": ").append(e(Objects.toString(step.outcome(), "")));
                if (!step.failover().isEmpty()) {
                    html.append(" <span class=\"muted\">after ").append(e(String.join("; ", step.failover()))).append("</span>");
                }
            }
            html.append(step.latencyMs() == null ? "" : ", " + step.latencyMs() + " ms")
                    .append(step.promptTokens() == null ? "" : ", " + (step.promptTokens() + Objects.requireNonNullElse(step.outputTokens(), 0L))
                            + " tokens");
            html.append("</li>");
        }
        html.append("</ol>");
    }

    private static void drafts(StringBuilder html, List<RunTrace.LlmCall> calls) {
        if (calls.isEmpty()) {
            return;
        }
        html.append("<h2>Drafts</h2>");
        for (RunTrace.LlmCall call : calls.subList(0, Math.min(calls.size(), 20))) {
            boolean passed = call.guardResult() == null || call.guardResult().equals("passed");
            String guard = call.guardResult() != null ? call.guardResult() : "llm".equals(call.origin()) ? "not checked" : "not needed (no model text)";
            html.append("<p><strong>").append(e(call.activityId())).append("</strong>: prompt ").append(e(call.template()))
                    .append(", written by <strong>").append("llm".equals(call.origin()) ? "the model " + e(Objects.toString(call.model(), ""))
                            + (call.provider() == null ? "" : " (provider " + e(call.provider()) + ")")
                            : "none".equals(call.origin()) ? "no one (no model answered)" : "the " + e(call.origin()) + " fallback").append("</strong>")
                    .append(call.latencyMs() == null ? "" : " in " + call.latencyMs() + " ms")
                    .append(call.promptTokens() == null ? "" : ", " + (call.promptTokens() + call.outputTokens()) + " tokens")
                    .append(". Content guard: <span class=\"badge").append(passed ? "" : " warn").append("\">")
                    .append(e(guard)).append("</span>");
            if (call.note() != null) {
                html.append(" <span class=\"muted\">").append(e(call.note())).append("</span>");
            }
            html.append("</p>");
            steps(html, call.steps());
            if (call.text() != null && !call.text().isBlank()) {
                html.append("<pre>").append(e(call.text())).append("</pre>");
            }
        }
    }

    private static void humanActions(StringBuilder html, List<RunTrace.HumanAction> actions) {
        if (actions.isEmpty()) {
            return;
        }
        html.append("<h2>People</h2><table><tr><th>task</th><th>for</th><th>created</th><th>claimed by</th><th>done</th><th>answers</th></tr>");
        for (RunTrace.HumanAction action : actions) {
            html.append("<tr><td>").append(e(action.taskName())).append("</td><td>").append(e(String.join(", ", action.candidateGroups())))
                    .append("</td><td>").append(time(action.created())).append("</td><td>")
                    .append(action.assignee() == null ? "nobody yet" : e(action.assignee()) + (action.claimed() == null ? "" : " at " + time(action.claimed())))
                    .append("</td><td>").append(action.completed() == null ? "open" : time(action.completed())).append("</td><td>");
            action.answers().forEach((key, value) -> html.append(e(key)).append(": ").append(e(abbreviate(String.valueOf(value)))).append("<br>"));
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void timeline(StringBuilder html, RunTrace trace) {
        Instant start = trace.run().start();
        Instant end = trace.run().end() != null ? trace.run().end()
                : trace.path().stream().map(s -> s.end() != null ? s.end() : s.start()).max(Instant::compareTo).orElse(start);
        double total = Math.max(1, Duration.between(start, end).toMillis());
        html.append("<h2>Path</h2><table><tr><th>step</th><th>type</th><th>started</th><th>took</th><th class=\"when\">when</th></tr>");
        List<RunTrace.Step> steps = trace.path();
        for (RunTrace.Step step : steps.subList(0, Math.min(steps.size(), 200))) {
            double left = Duration.between(start, step.start()).toMillis() / total * 100;
            double width = step.durationMs() == null ? 100 - left : step.durationMs() / total * 100;
            String name = trace.humanActions().stream().filter(a -> a.taskDefinitionKey().equals(step.activityId())).map(RunTrace.HumanAction::taskName)
                    .findFirst().orElse(Objects.toString(step.activityName(), step.activityId()));
            html.append("<tr><td>").append(e(name)).append("</td><td class=\"muted\">")
                    .append(e(step.activityType())).append("</td><td>").append(time(step.start())).append("</td><td>")
                    .append(step.durationMs() == null ? "running" : duration(step.durationMs())).append("</td><td>")
                    .append(svg("track", left, Math.max(0.2, width), null)).append("</td></tr>");
        }
        html.append("</table>");
        if (steps.size() > 200) {
            html.append("<p class=\"muted\">and ").append(steps.size() - 200).append(" more steps (see the JSON).</p>");
        }
    }

    private static String waited(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String inbox(RunTrace.Delivery d) {
        String waited = " (waited " + waited(d.waitMillis()) + ")";
        return StartResult.STARTED.equals(d.outcome()) ? ", started from the inbox at " + time(d.started()) + waited
                : ", taken from the inbox at " + time(d.started()) + waited + handled(d.outcome(), "");
    }

    /** What a delivery that did not start a run from the inbox did (nothing said for a plain start in the request). */
    private static String handled(String outcome, String where) {
        if (outcome == null || StartResult.STARTED.equals(outcome)) {
            return "";
        }
        return switch (outcome) {
            case StartResult.CONTINUED -> ": continued the run" + where;
            case StartResult.IGNORED_ACTIVE_RUN -> ": left alone" + where + ", a run of this key was already active";
            case StartResult.QUEUED -> ", waiting in the inbox";
            default -> ": " + e(outcome) + where;
        };
    }

    private static void messages(StringBuilder html, RunTrace.Messages messages) {
        html.append("<h2>Messages</h2><ul>");
        messages.inbound().forEach(d -> html.append("<li>received ").append(e(d.eventType())).append(" from ").append(e(d.source()))
                .append(" (webhook-id ").append(e(d.webhookId())).append(") at ").append(time(d.received()))
                .append(d.started() == null ? handled(d.outcome(), " in its request") : inbox(d)).append("</li>"));
        messages.emails().forEach(m -> html.append("<li>emailed ").append(e(m.recipient())).append(": ").append(e(Objects.toString(m.subject(), "")))
                .append(" at ").append(time(m.sent())).append("</li>"));
        messages.webhooks().forEach(w -> html.append(w.delivered() ? "<li>sent webhook " : "<li><strong>not sent</strong>: webhook ")
                .append(e(w.webhookId())).append(" from ").append(e(w.activityId()))
                .append(w.delivered() ? "" : " (" + e(java.util.Objects.toString(w.notSentReason(), "no reason recorded")) + ")").append("</li>"));
        html.append("</ul>");
        conversation(html, messages.conversation());
    }

    private static void conversation(StringBuilder html, List<RunTrace.ChatMessage> conversation) {
        if (conversation.isEmpty()) {
            return;
        }
        html.append("<h2>Conversation</h2><ol>");
        conversation.forEach(m -> html.append("<li><strong>").append(e(Conversation.AUTHORS.getOrDefault(m.author(), m.author())))
                .append("</strong>").append(m.delivered() ? "" : " (not delivered)").append(" <span class=\"muted\">")
                .append(m.at() == null ? "" : time(m.at())).append("</span><br>").append(e(m.text())).append("</li>"));
        html.append("</ol>");
    }

    private static void incidents(StringBuilder html, List<RunTrace.Incident> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        html.append("<h2>Incidents</h2><ul>");
        incidents.forEach(i -> html.append("<li>").append(e(i.activityId())).append(": ").append(e(i.message())).append(i.resolved() == null
                ? " (open)" : " (resolved " + time(i.resolved()) + ")").append("</li>"));
        html.append("</ul>");
    }

    /**
     * A bar of {@code width} percent from {@code left} percent: SVG geometry, not a style attribute,
     * so the page needs no inline style.
     */
    private static String svg(String kind, double left, double width, String rectClass) {
        double x = Math.max(0, Math.min(100, left));
        return "<svg class=\"" + kind + "\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect"
                + (rectClass == null ? "" : " class=\"" + rectClass + "\"") + " x=\"" + String.format(Locale.ROOT, "%.1f", x) + "\" width=\""
                + String.format(Locale.ROOT, "%.1f", Math.min(100 - x, width)) + "\" height=\"10\"/></svg>";
    }

    private static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        Duration d = Duration.ofMillis(millis);
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    private static String e(String text) {
        return HtmlPage.escape(text);
    }
}
