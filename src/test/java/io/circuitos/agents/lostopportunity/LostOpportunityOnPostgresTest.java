package io.circuitos.agents.lostopportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.circuitos.support.Ports;
import io.circuitos.support.PostgresTestDatabase;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The slice end to end on a real PostgreSQL with the job executor running: signed webhook → 202 →
 * scored and banded in the background → a rep finds the task with the why, completes it → ended.
 * A replay of the same delivery starts nothing; the decision trail of the run reads back as on H2.
 */
@Tag("postgres")
class LostOpportunityOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void urgentLeadFromTheCrmReachesTheRepAndEndsWhenTheRepSends() throws Exception {
        String opportunity = "OPP-PG-" + System.currentTimeMillis();
        String webhookId = "msg_pg_" + opportunity;
        Instant sentAt = Instant.now();
        int smtpPort = Ports.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (RunningApp app = RunningApp.start(PostgresTestDatabase.jdbcUrl(), true, "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtpPort)) {
            SignedWebhooks webhooks = new SignedWebhooks(app.baseUrl());
            HttpResponse<String> accepted = webhooks.send("crm", SignedWebhooks.CRM_SECRET, webhookId, sentAt,
                    SignedWebhooks.closedLost(opportunity));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String instanceId = JSON.readTree(accepted.body()).get("processInstanceId").asText();

            JsonNode task = awaitRepTask(app.baseUrl(), opportunity);
            String taskId = task.get("id").asText();
            JsonNode variables = JSON.readTree(get(app.baseUrl() + "/engine-rest/task/" + taskId + "/form-variables").body());
            assertThat(variables.at("/band/value").asText()).isEqualTo("urgent");
            assertThat(variables.at("/reactivationScore/value").asDouble()).isGreaterThanOrEqualTo(80);
            assertThat(variables.at("/bandRule/value").asText()).isEqualTo("reactivationScore >= 80 → band = urgent");
            assertThat(variables.at("/modelVersion/value").asText()).startsWith("lost-opportunity-reactivation ");
            assertThat(variables.at("/topFeatures/value").asText()).contains("previousOutcome=success");
            assertThat(variables.at("/emailDraft/value").asText()).contains("GymFlow");
            assertThat(variables.at("/draftOrigin/value").asText()).isEqualTo("template");

            assertThat(post(app.baseUrl() + "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"rep\"}").statusCode()).isEqualTo(204);
            assertThat(post(app.baseUrl() + "/engine-rest/task/" + taskId + "/complete",
                    "{\"variables\":{\"outcome\":{\"value\":\"send\"},\"emailDraft\":{\"value\":\"Hi Dana, edited.\"}}}").statusCode())
                    .isEqualTo(204);
            awaitEnded(app.bean(HistoryService.class), instanceId);
            LostOpportunityTrailTest.assertTrail(app.baseUrl(), opportunity, instanceId, webhookId);

            HttpResponse<String> replay = webhooks.send("crm", SignedWebhooks.CRM_SECRET, webhookId, sentAt,
                    SignedWebhooks.closedLost(opportunity));
            assertThat(JSON.readTree(replay.body()).get("duplicate").asBoolean()).isTrue();
            assertThat(JSON.readTree(replay.body()).get("processInstanceId").asText()).isEqualTo(instanceId);
        } finally {
            smtp.stop();
        }
    }

    private JsonNode awaitRepTask(String baseUrl, String businessKey) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode tasks = JSON.readTree(get(baseUrl + "/engine-rest/task?processInstanceBusinessKey=" + businessKey).body());
            if (tasks.size() > 0) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task for " + businessKey + " within 60 s");
    }

    private static void awaitEnded(HistoryService history, String instanceId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 1) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("instance " + instanceId + " did not end within 60 s");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", rep()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", rep())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String rep() {
        return "Basic " + Base64.getEncoder().encodeToString("rep:rep".getBytes(StandardCharsets.UTF_8));
    }
}
