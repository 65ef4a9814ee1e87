package io.circuitos.audit.trace;

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
import org.springframework.web.util.HtmlUtils;

/**
 * The decision trail as a page for people who never saw JSON: the path as a timeline, each decision
 * table with the row that matched highlighted, the score with its top features as bars, the drafts
 * with their guard result, the human actions and the messages.
 */
final class TrailPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern FEATURE = Pattern.compile("(\\w+)=(.*?) \\(([+-][0-9.]+) vs typical (.*?)\\)");
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1f2933;line-height:1.4}
            h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d9e2ec}
            table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{border:1px solid #d9e2ec;padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:#f0f4f8} tr.matched td{background:#fff3c4;font-weight:600} .muted{color:#627d98}
            .bar{height:.8rem;background:#3e7bfa;border-radius:2px} .neg{background:#e12d39} .track{position:relative;height:.8rem;background:#f0f4f8}
            .span{position:absolute;height:.8rem;background:#3e7bfa;border-radius:2px;min-width:2px}
            .badge{display:inline-block;padding:0 .4rem;border-radius:3px;background:#e4f7ea;color:#1f6f43}
            .badge.warn{background:#fde8e8;color:#a61b1b} pre{white-space:pre-wrap;background:#f7f9fb;padding:.6rem;border:1px solid #d9e2ec}
            nav a{margin-right:1rem}""";

    private TrailPage() {
    }

    /** @param tables the deployed decision of each evaluation (key and version), null when it is gone */
    static String render(List<RunTrace> runs, RunTrace shown, Function<RunTrace.Decision, DmnDecision> tables) {
        RunTrace.Run run = shown.run();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(e("Trail of " + run.processKey() + " " + run.businessKey())).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>").append(e(run.processKey())).append(" · ").append(e(run.businessKey())).append("</h1>")
                .append("<p>").append(state(run)).append(" Started ").append(time(run.start()))
                .append(run.end() == null ? "" : ", ended " + time(run.end())).append(". Process version ").append(run.processVersion())
                .append(", instance <span class=\"muted\">").append(e(run.instanceId())).append("</span>.</p>");
        if (run.endReason() != null) {
            html.append("<p><strong>Why it ended:</strong> ").append(e(run.endReason())).append("</p>");
        }
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
        return html.append("<p class=\"muted\">The same trail as JSON: <code>GET /api/agents/").append(e(run.processKey())).append("/runs/")
                .append(e(run.businessKey())).append("/trace</code></p></body></html>").toString();
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
        html.append("<table><tr><th>top feature</th><th>value</th><th>typical</th><th>effect on the score</th></tr>");
        while (feature.find()) {
            double contribution = Double.parseDouble(feature.group(3));
            int width = (int) Math.min(100, Math.round(Math.abs(contribution) * 100));
            html.append("<tr><td>").append(e(feature.group(1))).append("</td><td>").append(e(feature.group(2))).append("</td><td>")
                    .append(e(feature.group(4))).append("</td><td><div class=\"bar").append(contribution < 0 ? " neg" : "")
                    .append("\" style=\"width:").append(Math.max(width, 1)).append("%\" title=\"").append(e(feature.group(3)))
                    .append("\"></div> ").append(e(feature.group(3))).append("</td></tr>");
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
            decision.inputs().forEach(in -> html.append(e(in.name())).append(" = <strong>").append(e(String.valueOf(in.value())))
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
                            : "the " + e(call.origin()) + " fallback").append("</strong>")
                    .append(call.latencyMs() == null ? "" : " in " + call.latencyMs() + " ms")
                    .append(call.promptTokens() == null ? "" : ", " + (call.promptTokens() + call.outputTokens()) + " tokens")
                    .append(". Content guard: <span class=\"badge").append(passed ? "" : " warn").append("\">")
                    .append(e(guard)).append("</span>");
            if (call.note() != null) {
                html.append(" <span class=\"muted\">").append(e(call.note())).append("</span>");
            }
            html.append("</p>");
            if (call.text() != null) {
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
        html.append("<h2>Path</h2><table><tr><th>step</th><th>type</th><th>started</th><th>took</th><th style=\"width:35%\">when</th></tr>");
        List<RunTrace.Step> steps = trace.path();
        for (RunTrace.Step step : steps.subList(0, Math.min(steps.size(), 200))) {
            double left = Duration.between(start, step.start()).toMillis() / total * 100;
            double width = step.durationMs() == null ? 100 - left : step.durationMs() / total * 100;
            String name = trace.humanActions().stream().filter(a -> a.taskDefinitionKey().equals(step.activityId())).map(RunTrace.HumanAction::taskName)
                    .findFirst().orElse(Objects.toString(step.activityName(), step.activityId()));
            html.append("<tr><td>").append(e(name)).append("</td><td class=\"muted\">")
                    .append(e(step.activityType())).append("</td><td>").append(time(step.start())).append("</td><td>")
                    .append(step.durationMs() == null ? "running" : duration(step.durationMs())).append("</td><td><div class=\"track\">")
                    .append("<div class=\"span\" style=\"left:").append(String.format(Locale.ROOT, "%.1f", left)).append("%;width:")
                    .append(String.format(Locale.ROOT, "%.1f", Math.max(0.2, width))).append("%\"></div></div></td></tr>");
        }
        html.append("</table>");
        if (steps.size() > 200) {
            html.append("<p class=\"muted\">and ").append(steps.size() - 200).append(" more steps (see the JSON).</p>");
        }
    }

    private static void messages(StringBuilder html, RunTrace.Messages messages) {
        html.append("<h2>Messages</h2><ul>");
        messages.inbound().forEach(d -> html.append("<li>received ").append(e(d.eventType())).append(" from ").append(e(d.source()))
                .append(" (webhook-id ").append(e(d.webhookId())).append(") at ").append(time(d.received())).append("</li>"));
        messages.emails().forEach(m -> html.append("<li>emailed ").append(e(m.recipient())).append(": ").append(e(Objects.toString(m.subject(), "")))
                .append(" at ").append(time(m.sent())).append("</li>"));
        messages.webhooks().forEach(w -> html.append("<li>sent webhook ").append(e(w.webhookId())).append(" from ").append(e(w.activityId()))
                .append("</li>"));
        html.append("</ul>");
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
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
