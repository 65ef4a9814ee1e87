package io.circuitos.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.llm.*}: the model providers, the per-instance budget and the guard's content rules, all
 * editable without code. The zero-configuration provider is Ollama at {@code base-url} with {@code model}
 * (empty base-url and no {@code providers}: no LLM, every draft comes from its template); more providers are
 * {@code providers.<name>.*}, and {@code tiers.<tier>} is the ordered chain a prompt of that tier asks.
 */
@ConfigurationProperties("circuitos.llm")
public record LlmProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("llama3.2:3b") String model,
        @DefaultValue("PT30S") Duration timeout,
        @DefaultValue Budget budget,
        @DefaultValue Guard guard,
        @DefaultValue Grounding grounding,
        @DefaultValue Breaker breaker,
        @DefaultValue Map<String, Provider> providers,
        @DefaultValue Map<String, List<String>> tiers) {

    /** The name of the provider {@code base-url} and {@code model} configure. */
    public static final String DEFAULT_PROVIDER = "ollama";

    /** Whether Ollama is configured the zero-configuration way ({@code circuitos.llm.base-url}). */
    public boolean enabled() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    /**
     * One model endpoint, {@code circuitos.llm.providers.<name>.*}.
     *
     * @param type    {@code ollama} or {@code openai-compatible} (any API that speaks {@code /v1/chat/completions})
     * @param baseUrl e.g. {@code http://ollama:11434} or {@code https://api.example.com/v1}; empty switches the provider off
     * @param apiKey  for {@code openai-compatible}: from the environment (e.g. {@code ${CEREBRAS_API_KEY}}), never in a file in git
     * @param timeout per call; empty: {@code circuitos.llm.timeout}
     */
    public record Provider(@DefaultValue("ollama") String type, @DefaultValue("") String baseUrl, String model,
                           @DefaultValue("") String apiKey, Duration timeout) {

        public boolean enabled() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }

    /** Per process instance: model calls and tokens (prompt + answer) before the BPMN error. */
    public record Budget(@DefaultValue("30") int maxCalls, @DefaultValue("60000") int maxTokens) {
    }

    /**
     * @param maxLength        longest text field, in characters
     * @param bannedPhrases    promises and other phrases that must never leave (case-insensitive)
     * @param cataloguePrices  prices and discounts the offer catalogue contains, written as they may appear
     * @param allowedUrlHosts  hosts (and their sub-domains) a text may link to; default none: no link leaves
     * @param allowedPhoneNumbers phone numbers a text may contain (compared by their digits); default none
     */
    public record Guard(@DefaultValue("1500") int maxLength,
                        @DefaultValue({"guarantee", "guaranteed", "promise", "risk-free", "100%", "no risk", "will definitely"})
                        List<String> bannedPhrases,
                        @DefaultValue List<String> cataloguePrices,
                        @DefaultValue List<String> allowedUrlHosts,
                        @DefaultValue List<String> allowedPhoneNumbers) {
    }

    /**
     * When an answer counts as grounded in the articles retrieved for it (the support agent's auto-answer).
     *
     * @param minSimilarity     cosine similarity (all-MiniLM) a content sentence needs with a passage of a retrieved article
     * @param minSupportedShare share of the answer's content sentences that must reach it
     */
    public record Grounding(@DefaultValue("0.45") double minSimilarity, @DefaultValue("0.8") double minSupportedShare) {
    }

    /** Circuit breaker: open after this failure rate over the last calls, stay open for {@code openFor}. */
    public record Breaker(@DefaultValue("50") float failureRatePercent, @DefaultValue("10") int window,
                          @DefaultValue("4") int minimumCalls, @DefaultValue("PT30S") Duration openFor) {
    }
}
