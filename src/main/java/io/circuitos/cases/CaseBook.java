package io.circuitos.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An agent's case book, {@code cases/<process>.yaml}: situations the agent must keep ending the way they say, written by
 * an analyst without Java. Each case starts the agent with an incoming event (through its route, as a webhook would) or
 * with variables, fixes what the outside world answers where it wants to, may act as people and timers do, and says what
 * must hold. See docs/case-books.md.
 */
public record CaseBook(String process, List<AgentCase> cases) {

    public CaseBook {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    /** This book with more cases (an analyst's extra cases, run with the shipped ones). */
    public CaseBook with(List<AgentCase> more) {
        List<AgentCase> all = new java.util.ArrayList<>(cases);
        all.addAll(more);
        return new CaseBook(process, all);
    }

    /**
     * @param event     the incoming event: its route maps and checks {@code data} as the webhook does
     * @param variables a start with these variables instead (and {@code businessKey})
     * @param steps     what people and timers do after the start, in order
     */
    public record AgentCase(String name, String description, Event event, Map<String, Object> variables, String businessKey,
                            Fakes fakes, List<Step> steps, Expect expect) {

        public AgentCase {
            steps = steps == null ? List.of() : List.copyOf(steps);
            fakes = fakes == null ? new Fakes(null, null, null, null) : fakes;
        }
    }

    public record Event(String type, Map<String, Object> data) {
    }

    /**
     * What the outside world answers in this case.
     *
     * @param scores     a model's answer, fixed (the model is not asked): its probability (the score is then that probability's
     *                   percentile in the model), or {@code {probability, score}} to fix the 0–100 score as well
     * @param llm        the model's replies in order: a text, or {@code {tool: name, arguments: {...}}} to call a tool;
     *                   without them no AI model is configured and drafts come from templates
     * @param deliveries {@code delivered} (default) or {@code fail}: how recorded emails, channel posts and webhooks answer
     * @param tasks      tasks whose answer the case fixes, by task name: their outputs by name (a tool's result, a selection)
     */
    public record Fakes(Map<String, Object> scores, List<Object> llm, String deliveries, Map<String, Map<String, Object>> tasks) {

        public boolean deliveriesFail() {
            return "fail".equals(deliveries);
        }
    }

    /**
     * One thing that happens after the start: a person completes a user task ({@code complete}: its id, with
     * {@code variables}), a timer comes due ({@code timer}: the timer event's id), or an event arrives for the run
     * ({@code event}: through its route, as the webhook continuing the run would).
     */
    public record Step(String complete, Map<String, Object> variables, String timer, Event event) {

        int kinds() {
            return (complete == null ? 0 : 1) + (timer == null ? 0 : 1) + (event == null ? 0 : 1);
        }
    }

    /**
     * What must hold once the run has gone as far as it can.
     *
     * @param waitsAt       the user task the run waits at (its id), with {@code candidateGroup} and {@code priority}
     * @param endedAt       the end event the run ended at
     * @param passed        elements the run passed through
     * @param notPassed     elements it must not pass through
     * @param sideEffects   the side-effect tasks recorded (not performed), in order, by task name
     * @param toolsCalled   tools the LLM called, by task name
     * @param text          texts that must or must not appear in a variable (a draft)
     * @param judged        drafts a judge model scores against a rubric
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expect(Map<String, Object> variables, String waitsAt, String candidateGroup, Integer priority, String endedAt,
                         List<String> passed, List<String> notPassed, List<String> sideEffects, List<String> toolsCalled,
                         List<Text> text, List<Judged> judged) {
    }

    /**
     * A draft judged against a rubric: with an AI model configured it must score at least {@code threshold} (default 0.7);
     * without one (or when the judge fails) the {@code fallback} phrases decide, and the result says it was not judged.
     */
    public record Judged(String variable, String rubric, Double threshold, Text fallback) {

        public double minimum() {
            return threshold == null ? 0.7 : threshold;
        }
    }

    public record Text(String variable, List<String> contains, List<String> notContains) {
    }
}
