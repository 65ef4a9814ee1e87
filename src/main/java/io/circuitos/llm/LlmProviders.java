package io.circuitos.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured providers, in the order they were declared, and the chain a prompt's tier asks. Ollama at
 * {@code circuitos.llm.base-url} is the zero-configuration provider {@value LlmProperties#DEFAULT_PROVIDER};
 * {@code circuitos.llm.providers.<name>.*} adds or replaces providers; {@code circuitos.llm.tiers.<tier>} names
 * a chain. A tier nobody configured asks every provider in order. No provider at all: the gateway is not
 * configured and every draft comes from its template.
 */
public final class LlmProviders {

    public static final String OLLAMA = "ollama";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";

    private final Map<String, LlmProvider> byName;
    private final Map<String, List<LlmProvider>> tiers;

    public LlmProviders(List<LlmProvider> providers, Map<String, List<String>> tiers) {
        Map<String, LlmProvider> named = new LinkedHashMap<>();
        providers.forEach(p -> named.put(p.name(), p));
        this.byName = named;
        Map<String, List<LlmProvider>> chains = new LinkedHashMap<>();
        tiers.forEach((tier, names) -> {
            List<LlmProvider> chain = new ArrayList<>();
            for (String name : names) {
                LlmProvider provider = named.get(name.trim());
                if (provider == null) {
                    throw new IllegalStateException("circuitos.llm.tiers." + tier + " names provider '" + name.trim()
                            + "', which is not configured (circuitos.llm.providers." + name.trim() + ".base-url); configured: " + named.keySet());
                }
                chain.add(provider);
            }
            chains.put(tier, List.copyOf(chain));
        });
        this.tiers = chains;
    }

    public static LlmProviders of(LlmProperties properties) {
        List<LlmProvider> providers = new ArrayList<>();
        if (properties.enabled() && !properties.providers().containsKey(LlmProperties.DEFAULT_PROVIDER)) {
            providers.add(provider(LlmProperties.DEFAULT_PROVIDER, new LlmProperties.Provider(OLLAMA, properties.baseUrl(),
                    properties.model(), "", properties.timeout()), properties));
        }
        properties.providers().forEach((name, provider) -> {
            if (provider.enabled()) {
                providers.add(provider(name, provider, properties));
            }
        });
        return new LlmProviders(providers, properties.tiers());
    }

    private static LlmProvider provider(String name, LlmProperties.Provider settings, LlmProperties properties) {
        String type = settings.type() == null ? OLLAMA : settings.type().trim().toLowerCase(Locale.ROOT);
        String model = settings.model() == null || settings.model().isBlank() ? properties.model() : settings.model();
        Duration timeout = settings.timeout() == null ? properties.timeout() : settings.timeout();
        ChatModel chat = switch (type) {
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .modelName(model)
                    .timeout(timeout)
                    .maxRetries(0) // the engine's job retry cycle retries, not the client
                    .temperature(0.3)
                    .build();
            case OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    // a local OpenAI-compatible server may take no key; the client insists on one
                    .apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? "no-key" : settings.apiKey())
                    .modelName(model)
                    .timeout(timeout)
                    .maxRetries(0)
                    .temperature(0.3)
                    .strictJsonSchema(true)
                    .build();
            default -> throw new IllegalStateException("circuitos.llm.providers." + name + ".type is '" + settings.type()
                    + "': use " + OLLAMA + " or " + OPENAI_COMPATIBLE);
        };
        return new LlmProvider(name, type, settings.baseUrl(), model, chat, breaker(name, properties.breaker()));
    }

    private static CircuitBreaker breaker(String name, LlmProperties.Breaker b) {
        return CircuitBreaker.of("llm-" + name, CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRatePercent())
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.minimumCalls())
                .waitDurationInOpenState(b.openFor())
                .build());
    }

    public boolean any() {
        return !byName.isEmpty();
    }

    public Collection<LlmProvider> all() {
        return byName.values();
    }

    /** The providers a prompt of this tier asks, in order: the tier's chain, or every provider when the tier has none. */
    public List<LlmProvider> chain(String tier) {
        if (tier != null && tiers.containsKey(tier)) {
            return tiers.get(tier);
        }
        return List.copyOf(byName.values());
    }

    public Map<String, List<String>> tiers() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        tiers.forEach((tier, chain) -> names.put(tier, chain.stream().map(LlmProvider::name).toList()));
        return names;
    }
}
