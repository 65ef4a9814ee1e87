package io.circuitos.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.FakeOllama.Reply;
import io.circuitos.support.FakeOpenAi;
import io.circuitos.support.Ports;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several providers behind the one gateway, against fakes speaking Ollama's {@code /api/chat} and the
 * OpenAI-compatible {@code /v1/chat/completions}: the chain a prompt's tier asks, failover on a refused
 * connection, 429 and 5xx (not on a 400), a circuit per provider, tool calls in both wire formats.
 */
class LlmProvidersTest {

    private static final PromptTemplate TEMPLATE = LlmGatewayTest.TEMPLATE;
    private static final PromptTemplate CHAT_TIER = new PromptTemplate(TEMPLATE.id(), TEMPLATE.version(), TEMPLATE.system(),
            TEMPLATE.user(), TEMPLATE.output(), "chat");

    private static FakeOllama ollama;
    private static FakeOpenAi cloud;

    @BeforeAll
    static void start() throws Exception {
        ollama = new FakeOllama();
        cloud = new FakeOpenAi();
    }

    @AfterAll
    static void stop() {
        ollama.close();
        cloud.close();
    }

    @BeforeEach
    void reset() {
        ollama.reset();
        cloud.reset();
    }

    /** Ollama the zero-configuration way, plus {@code cloud} (OpenAI-compatible) at {@code cloudUrl}; tier chat: cloud, then ollama. */
    private static LlmGateway gateway(String cloudUrl) {
        Map<String, LlmProperties.Provider> providers = new LinkedHashMap<>();
        providers.put("cloud", new LlmProperties.Provider("openai-compatible", cloudUrl, "fast-model", "sk-test-DEMO", null));
        LlmProperties properties = new LlmProperties(ollama.baseUrl(), "fake-model", Duration.ofSeconds(2), new LlmProperties.Budget(30, 60000),
                new LlmProperties.Guard(1500, List.of("guarantee"), List.of(), List.of(), List.of()), new LlmProperties.Grounding(0.45, 0.8),
                new LlmProperties.Breaker(50, 10, 4, Duration.ofMinutes(1)), providers, Map.of("chat", List.of("cloud", "ollama")));
        return LlmConfiguration.gateway(properties);
    }

    @Test
    void theTiersFirstProviderAnswersWithTheJsonSchemaAndTheKeyFromTheSettings() {
        cloud.enqueue(Reply.json("Still looking?", "Hi Dana"));

        LlmAnswer answer = gateway(cloud.baseUrl()).complete(CHAT_TIER, LlmGatewayTest.VARIABLES);

        assertThat(answer.provider()).isEqualTo("cloud");
        assertThat(answer.model()).isEqualTo("fast-model");
        assertThat(answer.failover()).isEmpty();
        assertThat(answer.fields()).containsEntry("subject", "Still looking?");
        assertThat(cloud.requests()).singleElement().satisfies(request -> {
            assertThat(request.at("/response_format/type").asText()).isEqualTo("json_schema");
            assertThat(request.at("/response_format/json_schema/schema/required").toString()).contains("subject").contains("body");
        });
        assertThat(cloud.authorizations()).containsExactly("Bearer sk-test-DEMO");
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void aPromptWithoutATierAsksEveryProviderInTheOrderTheyAreConfigured() {
        LlmAnswer answer = gateway(cloud.baseUrl()).complete(TEMPLATE, LlmGatewayTest.VARIABLES);

        assertThat(answer.provider()).as("base-url's Ollama comes first").isEqualTo("ollama");
        assertThat(cloud.requests()).isEmpty();
    }

    @Test
    void aRefusedConnectionHandsTheCallToTheNextProviderAndThePathIsRecorded() throws Exception {
        LlmAnswer answer = gateway("http://127.0.0.1:" + Ports.closed() + "/v1").complete(CHAT_TIER, LlmGatewayTest.VARIABLES);

        assertThat(answer.provider()).isEqualTo("ollama");
        assertThat(answer.failover()).containsExactly("cloud: connection refused");
        assertThat(ollama.requests()).hasSize(1);
    }

    @Test
    void a503AndA429FailOverButA400EndsTheChainNamingTheProvider() {
        LlmGateway gateway = gateway(cloud.baseUrl());
        cloud.enqueue(Reply.status(503), Reply.status(429), Reply.status(400));

        assertThat(gateway.complete(CHAT_TIER, LlmGatewayTest.VARIABLES).failover()).containsExactly("cloud: HTTP 503");
        assertThat(gateway.complete(CHAT_TIER, LlmGatewayTest.VARIABLES).failover()).containsExactly("cloud: HTTP 429");
        assertThat(ollama.requests()).hasSize(2);
        assertThatThrownBy(() -> gateway.complete(CHAT_TIER, LlmGatewayTest.VARIABLES))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> {
                    assertThat(e.retryable()).as("the next provider would not mend a bad request").isFalse();
                    assertThat(e.getMessage()).contains("cloud");
                });
        assertThat(ollama.requests()).as("not asked after the 400").hasSize(2);
    }

    @Test
    void whenEveryProviderFailsTheCallIsRetryableAndSaysWhatEachAnswered() {
        cloud.answerByDefault(Reply.status(500));
        ollama.answerByDefault(Reply.status(503));

        assertThatThrownBy(() -> gateway(cloud.baseUrl()).complete(CHAT_TIER, LlmGatewayTest.VARIABLES))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.failover()).containsExactly("cloud: HTTP 500", "ollama: HTTP 503");
                    assertThat(e.forPeople()).isEqualTo("no AI model answered (cloud: HTTP 500; ollama: HTTP 503)");
                });
    }

    @Test
    void aProviderWhoseCircuitOpenedIsSkippedWithoutBeingAsked() {
        LlmGateway gateway = gateway(cloud.baseUrl());
        cloud.answerByDefault(Reply.status(500));
        for (int i = 0; i < 4; i++) {
            gateway.complete(CHAT_TIER, LlmGatewayTest.VARIABLES);
        }
        int asked = cloud.requests().size();

        LlmAnswer answer = gateway.complete(CHAT_TIER, LlmGatewayTest.VARIABLES);

        assertThat(answer.failover()).containsExactly("cloud: circuit open after repeated failures");
        assertThat(cloud.requests()).hasSize(asked);
        assertThat(answer.provider()).isEqualTo("ollama");
    }

    @Test
    void aTierNamingAProviderThatIsNotConfiguredRefusesTheStart() {
        LlmProperties properties = new LlmProperties(ollama.baseUrl(), "fake-model", Duration.ofSeconds(2), new LlmProperties.Budget(30, 60000),
                new LlmProperties.Guard(1500, List.of(), List.of(), List.of(), List.of()), new LlmProperties.Grounding(0.45, 0.8),
                new LlmProperties.Breaker(50, 10, 4, Duration.ofMinutes(1)), Map.of(), Map.of("fast", List.of("cerebras", "ollama")));
        assertThatThrownBy(() -> LlmConfiguration.gateway(properties)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("circuitos.llm.tiers.fast names provider 'cerebras'");
    }

    @Test
    void bothWireFormatsCarryToolCallsBackAsRequestsToRunATool() {
        ToolSpecification search = ToolSpecification.builder().name("searchKnowledge").description("Search the knowledge base")
                .parameters(JsonObjectSchema.builder().addStringProperty("question").required("question").build()).build();
        cloud.enqueue(Reply.toolCall("searchKnowledge", "{\"question\":\"pricing\"}"));
        ollama.enqueue(Reply.toolCall("searchKnowledge", "{\"question\":\"refunds\"}"));
        LlmGateway gateway = gateway(cloud.baseUrl());
        PromptTemplate ollamaOnly = new PromptTemplate(TEMPLATE.id(), TEMPLATE.version(), TEMPLATE.system(), TEMPLATE.user(), TEMPLATE.output(),
                null);

        LlmTurn fromCloud = gateway.chat(CHAT_TIER, List.of(UserMessage.from("How much is it?")), List.of(search));
        LlmTurn fromOllama = gateway.chat(ollamaOnly, List.of(UserMessage.from("Can I get my money back?")), List.of(search));

        assertThat(fromCloud.message().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("searchKnowledge");
            assertThat(call.arguments()).contains("pricing");
        });
        assertThat(fromOllama.message().toolExecutionRequests()).singleElement().satisfies(call -> assertThat(call.arguments()).contains("refunds"));
        assertThat(cloud.requests().get(0).at("/tools/0/function/name").asText()).isEqualTo("searchKnowledge");
        assertThat(ollama.requests().get(0).at("/tools/0/function/name").asText()).isEqualTo("searchKnowledge");
    }
}
