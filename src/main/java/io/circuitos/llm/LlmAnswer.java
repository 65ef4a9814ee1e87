package io.circuitos.llm;

import java.util.Map;

/** One model call: the answer's fields and what it cost. */
public record LlmAnswer(Map<String, String> fields, String template, String model, long latencyMs,
                        int promptTokens, int outputTokens) {

    public int tokens() {
        return promptTokens + outputTokens;
    }
}
