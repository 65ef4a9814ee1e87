package io.circuitos.llm;

import dev.langchain4j.model.ollama.OllamaChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class LlmConfiguration {

    @Bean
    public LlmGateway llmGateway(LlmProperties properties) {
        return gateway(properties);
    }

    /** Also used by tests that run without Spring. */
    public static LlmGateway gateway(LlmProperties properties) {
        LlmProperties.Breaker b = properties.breaker();
        CircuitBreaker breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRatePercent())
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.minimumCalls())
                .waitDurationInOpenState(b.openFor())
                .build());
        OllamaChatModel model = properties.enabled()
                ? OllamaChatModel.builder()
                        .baseUrl(properties.baseUrl())
                        .modelName(properties.model())
                        .timeout(properties.timeout())
                        .maxRetries(0) // the engine's job retry cycle retries, not the client
                        .temperature(0.3)
                        .build()
                : null;
        if (model == null) {
            org.slf4j.LoggerFactory.getLogger(LlmConfiguration.class)
                    .info("circuitos.llm.base-url is empty: no AI model; drafts come from templates, forms say \"{}\"", LlmGateway.NOT_CONFIGURED);
        }
        return new LlmGateway(model, properties.model(), breaker);
    }

    @Bean
    public PromptLibrary promptLibrary() {
        return new PromptLibrary();
    }

    @Bean
    public ContentGuard contentGuard(LlmProperties properties) {
        return new ContentGuard(properties.guard());
    }
}
