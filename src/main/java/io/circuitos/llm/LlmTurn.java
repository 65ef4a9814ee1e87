package io.circuitos.llm;

import dev.langchain4j.data.message.AiMessage;
import java.util.List;

/**
 * One answered model call: the model's message (text, or the tools it wants called), who answered, what it
 * cost, and the providers asked before it that failed ({@code failover}, e.g. {@code ["cloud: HTTP 503"]}).
 */
public record LlmTurn(AiMessage message, String provider, String model, long latencyMs, int promptTokens, int outputTokens,
                      List<String> failover) {

    public int tokens() {
        return promptTokens + outputTokens;
    }
}
