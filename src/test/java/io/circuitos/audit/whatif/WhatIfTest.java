package io.circuitos.audit.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.agents.lostopportunity.LostOpportunityProcess;
import io.circuitos.deployments.ShippedAgents;
import io.circuitos.support.RunningApp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/decisions/{key}/what-if}: an analyst sees, before deploying, how many recorded
 * decisions a moved threshold would change, with a sample of the cases; nothing is deployed.
 */
class WhatIfTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BAND = "lost-opportunity-band";
    private static RunningApp app;

    @BeforeAll
    static void recordDecisions() throws Exception {
        // a tiny FEEL time budget: the shipped tables do not iterate, so only the runaway candidate meets it
        app = RunningApp.start("jdbc:h2:mem:whatif-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", true,
                "circuitos.decisions.evaluation-timeout=PT0.001S");
        DecisionService decisions = app.bean(DecisionService.class);
        for (double score : new double[] {45, 59.9, 61, 70, 79.9, 82, 90}) {
            decisions.evaluateDecisionByKey(BAND).variables(Map.of("reactivationScore", score)).evaluate();
        }
        String run = app.bean(RuntimeService.class).startProcessInstanceByKey(LostOpportunityProcess.KEY, "OPP-WHATIF",
                io.circuitos.agents.lostopportunity.SampleOpportunities.urgent()).getId();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (app.bean(HistoryService.class).createHistoricDecisionInstanceQuery().processInstanceId(run).count() == 0) {
            assertThat(Instant.now()).as("the run's band decision").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void raisingTheUrgentThresholdShowsWhichRecordedLeadsWouldNoLongerBeUrgent() throws Exception {
        long deployments = app.bean(RepositoryService.class).createDeploymentQuery().count();
        String candidate = shippedBand().replace("<text>&gt;= 80</text>", "<text>&gt;= 95</text>")
                .replace("<text>[60..80[</text>", "<text>[60..95[</text>");
        HttpResponse<String> response = whatIf("analyst", BAND, candidate, "30");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("evaluations").asInt()).isEqualTo(8);
        assertThat(result.at("/before/urgent").asInt()).isEqualTo(3);    // 82, 90 and the sample lead (score 99.5)
        assertThat(result.at("/after/urgent").asInt()).isEqualTo(1);     // only the sample lead stays above 95
        assertThat(result.at("/after/high").asInt()).isEqualTo(result.at("/before/high").asInt() + 2);
        assertThat(result.get("changed").asInt()).isEqualTo(2);
        assertThat(result.at("/sample/0/before").asText()).isEqualTo("urgent");
        assertThat(result.at("/sample/0/after").asText()).isEqualTo("high");
        assertThat(result.at("/sample/0/matchedRules/0").asText()).startsWith("reactivationScore [60..95[");
        assertThat(result.at("/sample/0/inputs/reactivationScore").asDouble()).isBetween(80.0, 95.0);
        assertThat(result.get("unevaluated").asInt()).isZero();
        assertThat(app.bean(RepositoryService.class).createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
    }

    @Test
    void aCandidateThatNeedsAnInputTheRecordsLackIsReportedAsUnevaluable() throws Exception {
        String candidate = shippedBand().replace("<text>reactivationScore</text>", "<text>dealSize</text>");
        JsonNode result = JSON.readTree(whatIf("analyst", BAND, candidate, "30").body());

        assertThat(result.get("unevaluated").asInt()).isEqualTo(8);
        assertThat(result.at("/unevaluable/0/reason").asText()).contains("dealSize");
    }

    @Test
    void aCandidateTheGuardRefusesIsA400AndNothingIsReplayed() throws Exception {
        String candidate = shippedBand().replace("<inputExpression id=", "<inputExpression expressionLanguage=\"groovy\" id=");
        HttpResponse<String> response = whatIf("analyst", BAND, candidate, "30");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("guard").toString()).contains("groovy");
    }

    @Test
    void badRequestsAreNamedAndOnlyAnalystsAndAdminsMayAsk() throws Exception {
        assertThat(whatIf("rep", BAND, shippedBand(), "30").statusCode()).isEqualTo(403);
        assertThat(whatIf("analyst", "no-such-decision", shippedBand(), "30").statusCode()).isEqualTo(404);
        HttpResponse<String> days = whatIf("analyst", BAND, shippedBand(), "forever");
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(days.body()).get("field").asText()).isEqualTo("days");
        HttpResponse<String> garbage = whatIf("analyst", BAND, "this is no DMN", "30");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(garbage.body()).get("field").asText()).isEqualTo("file");
    }

    @Test
    void aRunawayFeelExpressionInWhatIfAnswers4xxNamingIt() throws Exception {
        String list = "[" + String.join(",", java.util.stream.IntStream.rangeClosed(1, 120).mapToObj(Integer::toString).toList()) + "]";
        String loop = "count(for a in " + list + ", b in " + list + ", c in " + list + " return a) &gt; reactivationScore";
        HttpResponse<String> timedOut = whatIf("analyst", BAND, shippedBand().replace("<text>&gt;= 80</text>", "<text>" + loop + "</text>"), "30");

        assertThat(timedOut.statusCode()).as(timedOut.body()).isEqualTo(422);
        assertThat(JSON.readTree(timedOut.body()).path("error").asText())
                .contains("count(for a in [1,2,3", "circuitos.decisions.evaluation-timeout (PT0.001S)");

        String range = "count(for x in 1..3000000 return x) &gt; reactivationScore";
        HttpResponse<String> refused = whatIf("analyst", BAND, shippedBand().replace("<text>&gt;= 80</text>", "<text>" + range + "</text>"), "30");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).path("error").asText())
                .contains("count(for x in 1..3000000 return x)", "3000000 iterations", "circuitos.decisions.max-feel-iterations (100000)");
    }

    private static String shippedBand() {
        return new String(ShippedAgents.decisions().get("decisions/" + BAND + ".dmn"), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> whatIf(String user, String key, String dmn, String days) throws Exception {
        String boundary = "whatif" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"days\"\r\n\r\n" + days + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"candidate.dmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/decisions/" + key + "/what-if"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
