package io.circuitos.audit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.agents.lostopportunity.LostOpportunityProcess;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} for admins and the scrape credential only, with the agents' metrics
 * counted from the engine's history events of a real run.
 */
class AgentMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aLeadFromTheCrmIsCountedFromWebhookToHandoffToEnd() throws Exception {
        try (RunningApp app = RunningApp.start("jdbc:h2:mem:metrics-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", true,
                "circuitos.metrics.scrape-password=scrape-TEST-ONLY-secret")) {
            SignedWebhooks webhooks = new SignedWebhooks(app.baseUrl());
            HttpResponse<String> accepted = webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_metrics_1", Instant.now(),
                    SignedWebhooks.closedLost("OPP-METRICS-1"));
            assertThat(accepted.statusCode()).isEqualTo(202);
            String instanceId = JSON.readTree(accepted.body()).get("processInstanceId").asText();
            assertThat(webhooks.send("crm", "whsec_d3JvbmctZm9yLXRoaXMtdGVzdA==", "msg_metrics_2", Instant.now(),
                    SignedWebhooks.closedLost("OPP-METRICS-2")).statusCode()).isEqualTo(401);
            assertThat(webhooks.send("no-such-source", SignedWebhooks.CRM_SECRET, "msg_metrics_3", Instant.now(),
                    SignedWebhooks.closedLost("OPP-METRICS-3")).statusCode()).isEqualTo(404);

            String taskId = awaitTask(app.baseUrl(), instanceId);
            assertThat(send(app.baseUrl(), "/engine-rest/task/" + taskId + "/complete", "rep",
                    "{\"variables\":{\"outcome\":{\"value\":\"disqualify\"},\"disqualifyReason\":{\"value\":\"test\"}}}")).isEqualTo(204);
            awaitEnded(app.bean(HistoryService.class), instanceId);

            assertThat(get(app.baseUrl(), "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(app.baseUrl(), "/actuator/prometheus", basic("rep", "rep")).statusCode()).isEqualTo(403);
            assertThat(get(app.baseUrl(), "/actuator/prometheus", basic("prometheus", "wrong")).statusCode()).isEqualTo(401);
            HttpResponse<String> scraped = get(app.baseUrl(), "/actuator/prometheus", basic("prometheus", "scrape-TEST-ONLY-secret"));
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(get(app.baseUrl(), "/actuator/metrics", basic("prometheus", "scrape-TEST-ONLY-secret")).statusCode())
                    .as("the scrape credential reads nothing else").isEqualTo(403);
            String metrics = get(app.baseUrl(), "/actuator/prometheus", basic("demo", "demo")).body();

            String agent = "agent=\"" + LostOpportunityProcess.KEY + "\"";
            assertThat(value(metrics, "circuitos_agent_runs_started_total\\{" + agent + "}")).isEqualTo(1.0);
            assertThat(value(metrics, "circuitos_agent_runs_ended_total\\{" + agent + ",outcome=\"Disqualified\"}")).isEqualTo(1.0);
            assertThat(value(metrics, "circuitos_agent_decisions_total\\{" + agent + ",decision=\"lost-opportunity-band\",result=\"urgent\"}"))
                    .isEqualTo(1.0);
            assertThat(value(metrics, "circuitos_agent_handoffs_total\\{" + agent + ",group=\"sales-reps\"}")).isEqualTo(1.0);
            assertThat(value(metrics, "circuitos_agent_handoff_seconds_count\\{" + agent + "}")).isEqualTo(1.0);
            assertThat(metrics).contains("circuitos_agent_handoff_seconds_bucket{" + agent + ",le=");
            assertThat(value(metrics, "circuitos_llm_calls_total\\{origin=\"template\",provider=\"none\",template=\"lost-opportunity-reengagement\"}"))
                    .isEqualTo(1.0);
            assertThat(value(metrics, "circuitos_webhooks_total\\{source=\"crm\",status=\"202\"}")).isEqualTo(1.0);
            assertThat(value(metrics, "circuitos_webhooks_total\\{source=\"crm\",status=\"401\"}")).isEqualTo(1.0);
            assertThat(value(metrics, "circuitos_webhooks_total\\{source=\"unknown\",status=\"404\"}")).isEqualTo(1.0);
            assertThat(metrics).doesNotContain("no-such-source");

            JsonNode audit = JSON.readTree(get(app.baseUrl(), "/api/agents/lost-opportunity/metrics?days=30", basic("rep", "rep")).body());
            assertThat(audit.get("runs").asInt()).isEqualTo(1);
            assertThat(audit.get("ended").asInt()).isEqualTo(1);
            assertThat(audit.get("successRate").asDouble()).isEqualTo(1.0);
            assertThat(audit.at("/latencyMs/startToHumanTask/p50").asLong()).isPositive();
            assertThat(audit.at("/latencyMs/startToEnd/p99").asLong()).isGreaterThanOrEqualTo(audit.at("/latencyMs/startToHumanTask/p99").asLong());
            assertThat(audit.at("/outcomes/Disqualified").asInt()).isEqualTo(1);
            assertThat(audit.at("/decisions/lost-opportunity-band/urgent").asInt()).isEqualTo(1);
            assertThat(audit.at("/llmDrafts/template").asInt()).isEqualTo(1);
            assertThat(audit.get("llmFallbackRate").asDouble()).isEqualTo(1.0);
            assertThat(audit.get("escalations").asInt()).isZero();
            HttpResponse<String> badDays = get(app.baseUrl(), "/api/agents/lost-opportunity/metrics?days=abc", basic("rep", "rep"));
            assertThat(badDays.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badDays.body()).get("field").asText()).isEqualTo("days");
            assertThat(get(app.baseUrl(), "/api/agents/lost-opportunity/metrics", basic("agent", "agent")).statusCode()).isEqualTo(403);
            assertThat(get(app.baseUrl(), "/api/agents/no-such-agent/metrics", basic("demo", "demo")).statusCode()).isEqualTo(404);
            JsonNode autonomy = JSON.readTree(get(app.baseUrl(), "/api/agents/autonomy?days=30", basic("rep", "rep")).body());
            assertThat(autonomy.get("rotations")).isEmpty();
            assertThat(autonomy.get("segments")).isNotEmpty();
            assertThat(autonomy.at("/segments/0/strategy").asText()).isNotBlank();
            assertThat(autonomy.at("/segments/0/baselineEngagement").asDouble()).isPositive();

            org.springframework.jdbc.core.JdbcTemplate jdbc = app.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            java.sql.Timestamp changedAt = java.sql.Timestamp.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofMinutes(1)));
            jdbc.update("insert into circuitos_strategy_change (id, segment, from_strategy, to_strategy, action, reason, confidence, "
                    + "campaign_id, changed_at) values ('metrics-r', 'fiber', 'discount', 'upgrade', 'rotated', 'below baseline', 0.9100, "
                    + "'WB-METRICS', ?)", changedAt);
            jdbc.update("insert into circuitos_strategy_change (id, segment, from_strategy, to_strategy, action, reason, confidence, "
                    + "campaign_id, changed_at) values ('metrics-e', 'dsl', 'upgrade', null, 'escalated', 'thin evidence', 0.4000, "
                    + "'WB-METRICS', ?)", changedAt);
            JsonNode corrected = JSON.readTree(get(app.baseUrl(), "/api/agents/autonomy?days=30", basic("rep", "rep")).body());
            assertThat(corrected.fieldNames()).toIterable().containsExactly("days", "from", "rotations", "escalations", "segments", "agents");
            assertThat(corrected.get("agents")).extracting(JsonNode::asText).containsExactly("win-back");
            assertThat(corrected.at("/rotations/0").fieldNames()).toIterable().containsExactly("segment", "action", "fromStrategy",
                    "toStrategy", "reason", "confidence", "campaignId", "changedAt");
            assertThat(corrected.get("rotations")).singleElement().satisfies(rotation -> {
                assertThat(rotation.get("toStrategy").asText()).isEqualTo("upgrade");
                assertThat(rotation.get("confidence").decimalValue()).isEqualByComparingTo("0.91");
                assertThat(Instant.parse(rotation.get("changedAt").asText())).isEqualTo(changedAt.toInstant());
            });
            assertThat(corrected.get("escalations")).singleElement().satisfies(escalation -> {
                assertThat(escalation.get("segment").asText()).isEqualTo("dsl");
                assertThat(escalation.get("toStrategy").isNull()).isTrue();
            });
            assertThat(corrected.at("/segments/0").fieldNames()).toIterable()
                    .containsExactly("segment", "strategy", "baselineEngagement", "lastEngagement");
            assertThat(JSON.readTree(get(app.baseUrl(), "/api/agents/autonomy?days=30&agent=lost-opportunity", basic("rep", "rep")).body())
                    .get("rotations")).as("lost-opportunity does not correct itself").isEmpty();
        }
    }

    @Test
    void anEmailThatCouldNotBeSentIsCountedAsEmailNotSent() throws Exception {
        try (RunningApp app = RunningApp.start("jdbc:h2:mem:metrics-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", true)) {
            SignedWebhooks webhooks = new SignedWebhooks(app.baseUrl());
            HttpResponse<String> accepted = webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_not_sent_1", Instant.now(),
                    SignedWebhooks.closedLost("OPP-NOT-SENT-1"));
            String instanceId = JSON.readTree(accepted.body()).get("processInstanceId").asText();
            String first = awaitTask(app.baseUrl(), instanceId);
            assertThat(send(app.baseUrl(), "/engine-rest/task/" + first + "/complete", "rep",
                    "{\"variables\":{\"outcome\":{\"value\":\"send\"}}}")).isEqualTo(204);
            String again = awaitTask(app.baseUrl(), instanceId, first);
            assertThat(again).as("the rep has the task back: no mail server in the embedded default").isNotEqualTo(first);

            String metrics = get(app.baseUrl(), "/actuator/prometheus", basic("demo", "demo")).body();
            String agent = "agent=\"" + LostOpportunityProcess.KEY + "\"";
            assertThat(value(metrics, "circuitos_agent_deliveries_total\\{" + agent + ",outcome=\"EmailNotSent\"}")).isEqualTo(1.0);
            assertThat(value(metrics, "circuitos_agent_deliveries_total\\{" + agent + ",outcome=\"NotNotified\"}")).isEqualTo(1.0);
            assertThat(metrics).doesNotContain("outcome=\"EmailSent\"");
            JsonNode audit = JSON.readTree(get(app.baseUrl(), "/api/agents/lost-opportunity/metrics?days=30", basic("rep", "rep")).body());
            assertThat(audit.get("deliveries")).hasSize(2);
            assertThat(audit.at("/deliveries/EmailNotSent").asInt()).isEqualTo(1);
            assertThat(audit.at("/deliveries/NotNotified").asInt()).isEqualTo(1);
        }
    }

    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(line.find()).as("series %s in%n%s", series, metrics.lines().filter(l -> l.startsWith("circuitos_")).toList()).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static String awaitTask(String baseUrl, String instanceId) throws Exception {
        return awaitTask(baseUrl, instanceId, null);
    }

    private static String awaitTask(String baseUrl, String instanceId, String otherThan) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode tasks = JSON.readTree(get(baseUrl, "/engine-rest/task?processInstanceId=" + instanceId, basic("rep", "rep")).body());
            if (tasks.size() > 0 && !tasks.get(0).get("id").asText().equals(otherThan)) {
                return tasks.get(0).get("id").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no task for " + instanceId);
    }

    private static void awaitEnded(HistoryService history, String instanceId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 0) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> get(String baseUrl, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int send(String baseUrl, String path, String user, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user, user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
