package io.circuitos.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitos.support.FakeOllama;
import io.circuitos.support.FakeOllama.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against a fake Ollama speaking the real /api/chat format. */
class LlmGatewayTest {

    static final PromptTemplate TEMPLATE = new PromptLibrary().get("lost-opportunity-reengagement");
    static final Map<String, Object> VARIABLES = Map.of("contactName", "Dana Whitfield", "company", "Northwind Fitness",
            "lossReason", "competitor", "competitor", "GymFlow");

    private static FakeOllama ollama;

    @BeforeAll
    static void start() throws Exception {
        ollama = new FakeOllama();
    }

    @AfterAll
    static void stop() {
        ollama.close();
    }

    @BeforeEach
    void reset() {
        ollama.reset();
    }

    static LlmProperties properties(String baseUrl, Duration timeout) {
        return new LlmProperties(baseUrl, "fake-model", timeout, new LlmProperties.Budget(4, 6000),
                new LlmProperties.Guard(1500, List.of("guarantee"), List.of(), List.of(), List.of()), new LlmProperties.Grounding(0.45, 0.8),
                new LlmProperties.Breaker(50, 10, 4, Duration.ofMinutes(1)), Map.of(), Map.of());
    }

    private static LlmGateway gateway() {
        return LlmConfiguration.gateway(properties(ollama.baseUrl(), Duration.ofSeconds(2)));
    }

    @Test
    void aJsonSchemaAnswerIsParsedIntoTheTemplatesFieldsAndMeasured() {
        ollama.enqueue(Reply.json("Still looking?", "Hi Dana, how is GymFlow working out?"));

        LlmAnswer answer = gateway().complete(TEMPLATE, VARIABLES);

        assertThat(answer.fields()).containsEntry("subject", "Still looking?").containsEntry("body", "Hi Dana, how is GymFlow working out?");
        assertThat(answer.template()).isEqualTo("lost-opportunity-reengagement.v2");
        assertThat(answer.model()).isEqualTo("fake-model");
        assertThat(answer.promptTokens()).isEqualTo(120);
        assertThat(answer.outputTokens()).isEqualTo(80);
        assertThat(answer.latencyMs()).isGreaterThanOrEqualTo(0);
        var request = ollama.requests().get(0);
        assertThat(request.get("model").asText()).isEqualTo("fake-model");
        assertThat(request.get("stream").asBoolean()).isFalse();
        assertThat(request.at("/format/properties/subject/type").asText()).isEqualTo("string");
        assertThat(request.at("/format/required").toString()).contains("subject", "body");
        assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(request.at("/messages/1/content").asText()).contains("\"Dana Whitfield\" at \"Northwind Fitness\"").contains("GymFlow");
    }

    record EmailDraft(String subject, String body) {
    }

    @Test
    void aJsonSchemaAnswerBecomesAJavaRecord() {
        ollama.enqueue(Reply.json("Quick question", "Hi Dana, is now a better time?"));
        EmailDraft draft = gateway().complete(TEMPLATE, VARIABLES).as(EmailDraft.class);
        assertThat(draft).isEqualTo(new EmailDraft("Quick question", "Hi Dana, is now a better time?"));
    }

    @Test
    void aPlainTextAnswerIsAnOutputErrorThatStillCountsTheCall() {
        ollama.enqueue(Reply.content("Sure! Here is your email: Hi Dana..."));
        assertThatThrownBy(() -> gateway().complete(TEMPLATE, VARIABLES))
                .isInstanceOfSatisfying(LlmOutputException.class, e -> {
                    assertThat(e.getMessage()).contains("not JSON");
                    assertThat(e.answer().tokens()).isEqualTo(200);
                });
    }

    @Test
    void anAnswerWithoutARequiredFieldIsAnOutputError() {
        ollama.enqueue(Reply.content("{\"subject\": \"Hello\"}"));
        assertThatThrownBy(() -> gateway().complete(TEMPLATE, VARIABLES))
                .isInstanceOf(LlmOutputException.class).hasMessageContaining("'body'");
    }

    @Test
    void aSlowAnswerPastTheTimeoutIsARetryableUnavailability() {
        // far past the timeout, so only the timeout can end the call with an error: no wall-clock margin to assert
        ollama.enqueue(Reply.json("late", "late").after(Duration.ofSeconds(60)));
        LlmGateway gateway = LlmConfiguration.gateway(properties(ollama.baseUrl(), Duration.ofMillis(500)));
        assertThatThrownBy(() -> gateway.complete(TEMPLATE, VARIABLES))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(ollama.requests()).hasSize(1); // maxRetries(0): the client never asks twice
    }

    @Test
    void anHttp500IsARetryableUnavailability() {
        ollama.enqueue(Reply.status(500));
        assertThatThrownBy(() -> gateway().complete(TEMPLATE, VARIABLES))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(ollama.requests()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsARetryableUnavailabilityNamingTheCause() throws Exception {
        int closedPort = io.circuitos.support.Ports.closed();
        LlmGateway gateway = LlmConfiguration.gateway(properties("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2)));
        assertThatThrownBy(() -> gateway.complete(TEMPLATE, VARIABLES))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("ConnectException");
                });
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutCallingTheModel() {
        LlmGateway gateway = gateway();
        ollama.answerByDefault(Reply.status(500));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> gateway.complete(TEMPLATE, VARIABLES)).isInstanceOf(LlmUnavailableException.class);
        }
        assertThat(gateway.providers().all()).singleElement().satisfies(p -> assertThat(p.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN));
        int calls = ollama.requests().size();
        assertThatThrownBy(() -> gateway.complete(TEMPLATE, VARIABLES))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("circuit open");
        assertThat(ollama.requests()).hasSize(calls);
    }

    @Test
    void withoutABaseUrlThereIsNoModelAndNothingToRetry() {
        LlmGateway gateway = LlmConfiguration.gateway(properties("", Duration.ofSeconds(1)));
        assertThat(gateway.configured()).isFalse();
        assertThatThrownBy(() -> gateway.complete(TEMPLATE, VARIABLES))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> assertThat(e.retryable()).isFalse());
    }
}
