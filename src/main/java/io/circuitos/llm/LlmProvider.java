package io.circuitos.llm;

import dev.langchain4j.model.chat.ChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * One configured model endpoint: its name in {@code circuitos.llm.providers}, its type ({@code ollama} or
 * {@code openai-compatible}), the model it asks, and a circuit breaker of its own, so a provider that keeps
 * failing is skipped at once while the others are still asked.
 */
public record LlmProvider(String name, String type, String baseUrl, String modelName, ChatModel model, CircuitBreaker breaker) {
}
