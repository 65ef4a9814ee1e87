package io.circuitos.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.support.Jobs;
import io.circuitos.support.SignedWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A challenger dropped into {@code <models-dir>/<model>/challengers/<version>/} scores every case in shadow beside the
 * champion, never deciding; once the outcome comes, the comparison reports champion and challenger on the same case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChallengersScoreInShadowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "lost-opportunity-reactivation";
    private static final Path MODELS = challengerOfTheShippedModel();

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("circuitos.ml.models-dir", MODELS::toString);
        registry.add("circuitos.models.min-labelled-cases", () -> "2");
    }

    /** The shipped model again, as version {@code challenger-test}: the same answers, so shadow and champion agree. */
    private static Path challengerOfTheShippedModel() {
        try {
            Path models = Files.createTempDirectory("circuitos-models");
            Path challenger = Files.createDirectories(models.resolve(MODEL).resolve("challengers").resolve("challenger-test"));
            Files.copy(Path.of("ml-models", MODEL, "model.bin"), challenger.resolve("model.bin"));
            ObjectNode metadata = (ObjectNode) JSON.readTree(Path.of("ml-models", MODEL, "model.json").toFile());
            metadata.put("version", "challenger-test");
            JSON.writeValue(challenger.resolve("model.json").toFile(), metadata);
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aChallengerScoresInShadowIsComparedOnTheSameCasesAndAnAnalystPromotesItAndRollsItBack() throws Exception {
        String key = "OPP-SHADOW-" + UUID.randomUUID().toString().substring(0, 8);
        SignedWebhooks webhooks = new SignedWebhooks("http://127.0.0.1:" + port);
        String instanceId = run(webhooks, key);

        HistoricVariableInstance version = history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("modelVersion")
                .list().stream().filter(v -> !instanceId.equals(v.getActivityInstanceId())).findFirst().orElseThrow();
        assertThat(version.getValue().toString()).as("the champion decided").doesNotContain("challenger-test");
        List<HistoricVariableInstance> scope = history.createHistoricVariableInstanceQuery().activityInstanceIdIn(version.getActivityInstanceId()).list();
        double championProbability = scope.stream().filter(v -> v.getName().equals("probability")).map(v -> ((Number) v.getValue()).doubleValue())
                .findFirst().orElseThrow();
        JsonNode shadow = JSON.readTree(scope.stream().filter(v -> v.getName().equals("shadowScores")).findFirst().orElseThrow().getValue().toString());
        assertThat(shadow).singleElement().satisfies(s -> {
            assertThat(s.get("version").asText()).isEqualTo(MODEL + " challenger-test");
            assertThat(s.get("probability").asDouble()).as("the same model, the same answer").isEqualTo(championProbability);
        });

        JsonNode scored = JSON.readTree(get("/api/agents/lost-opportunity/runs/" + key + "/trace", "demo").body()).at("/scores/0");
        assertThat(scored.at("/shadows/0/version").asText()).as("the trail shows the challenger beside the champion").isEqualTo(MODEL + " challenger-test");
        assertThat(scored.at("/shadows/0/probability").asDouble()).isEqualTo(championProbability);
        won(webhooks, key);
        JsonNode comparison = JSON.readTree(get("/api/models/" + MODEL + "/comparison", "analyst").body());
        assertThat(comparison.get("versions")).extracting(v -> v.get("status").asText() + " " + v.get("cases").asInt())
                .containsExactly("champion 1", "challenger 1");
        String challenger = MODEL + " challenger-test";
        assertThat(comparison.at("/versions/1/version").asText()).isEqualTo(challenger);
        String champion = comparison.at("/versions/0/version").asText();
        assertThat(get("/api/models/" + MODEL + "/comparison", "rep").statusCode()).as("a rep reads no model comparison").isEqualTo(403);
        assertThat(get("/api/models/no-such-model/comparison", "analyst").statusCode()).isEqualTo(404);

        String promote = "{\"version\":\"" + challenger + "\",\"reason\":\"better on the spring leads\"}";
        HttpResponse<String> byManager = post("/api/models/" + MODEL + "/promote", "manager", promote);
        assertThat(byManager.statusCode()).as("managers read, analysts change").isEqualTo(403);
        assertThat(byManager.body()).contains("manager may not POST /api/models/" + MODEL + "/promote");
        assertThat(post("/api/models/" + MODEL + "/promote", "analyst", "{\"version\":\"" + challenger + "\"}").body())
                .contains("\"field\":\"reason\"");
        HttpResponse<String> wrongType = post("/api/models/" + MODEL + "/promote", "analyst", "{\"version\":{\"a\":1},\"reason\":\"x\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"version\"").doesNotContain("io.circuitos");
        HttpResponse<String> already = post("/api/models/" + MODEL + "/promote", "analyst",
                "{\"version\":\"" + champion + "\",\"reason\":\"x\"}");
        assertThat(already.statusCode()).isEqualTo(409);
        assertThat(already.body()).contains("is the champion already");
        HttpResponse<String> tooFew = post("/api/models/" + MODEL + "/promote", "analyst", promote);
        assertThat(tooFew.statusCode()).isEqualTo(409);
        assertThat(tooFew.body()).contains("has 1 labelled cases; a promotion needs 2 (circuitos.models.min-labelled-cases)");

        String second = "OPP-SHADOW-" + UUID.randomUUID().toString().substring(0, 8);
        run(webhooks, second);
        won(webhooks, second);
        String cases = get("/api/models/" + MODEL + "/labelled-cases.csv", "analyst").body();
        assertThat(cases.lines().toList()).as("a header and the two labelled runs").hasSize(3);
        assertThat(cases.lines().findFirst().orElseThrow()).contains("outcomeRecordedAt");
        HttpResponse<String> promoted = post("/api/models/" + MODEL + "/promote", "analyst", promote);
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        JsonNode model = JSON.readTree(get("/api/models/" + MODEL, "manager").body());
        assertThat(model.get("versions")).extracting(v -> v.get("status").asText() + " " + v.get("version").asText())
                .containsExactly("champion " + challenger, "retired " + champion);
        assertThat(model.at("/promotions/0/byUser").asText()).isEqualTo("analyst");
        assertThat(model.at("/promotions/0/reason").asText()).isEqualTo("better on the spring leads");
        String third = run(webhooks, "OPP-SHADOW-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(third).variableName("modelVersion").list())
                .as("the next case is decided by the new champion, without a restart")
                .anyMatch(v -> challenger.equals(v.getValue()));

        HttpResponse<String> rolledBack = post("/api/models/" + MODEL + "/rollback", "analyst",
                "{\"version\":\"" + champion + "\",\"reason\":\"the autumn leads look different\"}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(JSON.readTree(get("/api/models/" + MODEL, "analyst").body()).get("versions"))
                .extracting(v -> v.get("status").asText() + " " + v.get("version").asText())
                .containsExactly("champion " + champion, "challenger " + challenger);
    }

    private String run(SignedWebhooks webhooks, String key) throws Exception {
        HttpResponse<String> run = webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_" + UUID.randomUUID(), Instant.now(),
                SignedWebhooks.closedLost(key));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        String instanceId = JSON.readTree(run.body()).get("processInstanceId").asText();
        Jobs.runDueKeepingFailures(management, instanceId, () -> { });
        return instanceId;
    }

    private static void won(SignedWebhooks webhooks, String key) throws Exception {
        assertThat(webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_" + UUID.randomUUID(), Instant.now(),
                "{\"type\":\"opportunity.won\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"opportunityId\":\"" + key + "\"}}")
                .statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
