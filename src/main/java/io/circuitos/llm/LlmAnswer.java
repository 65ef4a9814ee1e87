package io.circuitos.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** One model call: the answer's fields, who answered ({@code provider}, after the {@code failover} path), and what it cost. */
public record LlmAnswer(Map<String, String> fields, String template, String model, long latencyMs,
                        int promptTokens, int outputTokens, String provider, java.util.List<String> failover) {

    public LlmAnswer(Map<String, String> fields, String template, String model, long latencyMs, int promptTokens, int outputTokens) {
        this(fields, template, model, latencyMs, promptTokens, outputTokens, null, java.util.List.of());
    }

    LlmAnswer with(Map<String, String> answerFields) {
        return new LlmAnswer(answerFields, template, model, latencyMs, promptTokens, outputTokens, provider, failover);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public int tokens() {
        return promptTokens + outputTokens;
    }

    /** The answer as a Java record whose components are named like the template's output fields. */
    public <T> T as(Class<T> type) {
        try {
            return JSON.convertValue(fields, type);
        } catch (IllegalArgumentException e) {
            throw new LlmOutputException("answer does not fit " + type.getSimpleName() + ": " + e.getMessage(), this);
        }
    }
}
