package io.circuitos.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.Jobs;
import io.circuitos.support.SignedWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application wired to a (fake) Ollama: webhook → LLM draft in the rep's task; health while the model fails. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LlmWiringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeOllama OLLAMA = startOllama();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("circuitos.llm.base-url", OLLAMA::baseUrl);
        registry.add("circuitos.llm.model", () -> "fake-model");
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    @Test
    void theRepsTaskCarriesTheModelsDraftAndHealthFollowsTheCircuit() throws Exception {
        OLLAMA.enqueue(FakeOllama.Reply.json("How is GymFlow working out?", "Hi Dana, may I ask how the switch went?"));
        Map variables = draftedFor("OPP-LLM-1");
        assertThat(variables).containsEntry("draftOrigin", "llm")
                .containsEntry("emailDraft", "Subject: How is GymFlow working out?\n\nHi Dana, may I ask how the switch went?");
        JsonNode anonymous = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(anonymous.has("status")).isTrue();
        assertThat(anonymous.has("components")).as("details are for admins").isFalse();
        JsonNode health = JSON.readTree(get("/actuator/health").body());
        assertThat(health.at("/components/llm/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/models/details/lost-opportunity-reactivation").asText()).isNotBlank();

        OLLAMA.answerByDefault(FakeOllama.Reply.status(500));
        for (int i = 0; i < 4; i++) {
            draftedFor("OPP-LLM-DOWN-" + i);
        }
        HttpResponse<String> degraded = get("/actuator/health");
        assertThat(degraded.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(degraded.body()).at("/components/llm/status").asText()).isEqualTo("DEGRADED");
        int callsBefore = OLLAMA.requests().size();
        Map whileOpen = draftedFor("OPP-LLM-OPEN");
        assertThat(whileOpen).containsEntry("draftOrigin", "template");
        assertThat((String) whileOpen.get("draftNote")).contains("circuit open");
        assertThat(OLLAMA.requests()).hasSize(callsBefore);
    }

    @SuppressWarnings("rawtypes")
    private Map draftedFor(String opportunityId) throws Exception {
        HttpResponse<String> accepted = new SignedWebhooks("http://127.0.0.1:" + port).sendCrm(SignedWebhooks.closedLost(opportunityId));
        String instanceId = JSON.readTree(accepted.body()).get("processInstanceId").asText();
        Jobs.runDue(managementService, instanceId);
        return runtimeService.getVariables(instanceId);
    }

    /** As the demo admin: health shows its details to admins only. */
    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static FakeOllama startOllama() {
        try {
            return new FakeOllama();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
