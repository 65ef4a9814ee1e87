package io.circuitos.cases;

import io.circuitos.llm.LlmAnswer;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.PromptLibrary;
import java.util.Map;

/**
 * Judges a draft against a case's rubric with the application's own AI model ({@code cases/judge/case-judge.v1.yaml}, kept
 * apart from the agents' prompts), when one is configured; otherwise, or when it fails, the case's fallback phrases decide
 * and the result says it was not judged.
 */
final class CaseJudge {

    static final String PROMPT = "case-judge";
    static final String PROMPTS = "classpath*:cases/judge/*.yaml";

    private final LlmGateway gateway;
    private final PromptLibrary prompts;

    CaseJudge(LlmGateway gateway, PromptLibrary prompts) {
        this.gateway = gateway;
        this.prompts = prompts;
    }

    /** @param score null when not judged; {@code note} says why, or what the judge said */
    record Verdict(Double score, String note) {
    }

    Verdict judge(String rubric, String draft) {
        if (!gateway.configured()) {
            return new Verdict(null, "not judged: " + LlmGateway.NOT_CONFIGURED);
        }
        try {
            LlmAnswer answer = gateway.complete(prompts.get(PROMPT), Map.of("rubric", rubric, "draft", draft));
            double score = Double.parseDouble(answer.fields().get("score"));
            if (score < 0 || score > 1 || Double.isNaN(score)) {
                return new Verdict(null, "not judged: the judge answered a score outside 0–1 (" + score + ")");
            }
            return new Verdict(score, "judged " + score + " by " + answer.model() + ": " + answer.fields().getOrDefault("reason", ""));
        } catch (RuntimeException e) {
            return new Verdict(null, "not judged: the judge failed (" + e.getMessage() + ")");
        }
    }
}
