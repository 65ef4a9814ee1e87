package io.circuitos.llm;

import java.time.Duration;

/** The LLM settings the gateway tests use, for tests in other packages. */
public final class LlmGatewayTestAccess {

    private LlmGatewayTestAccess() {
    }

    public static LlmProperties properties(String baseUrl, Duration timeout) {
        return LlmGatewayTest.properties(baseUrl, timeout);
    }
}
