package io.circuitos.agents.lostopportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.agents.lostopportunity.LostOpportunityProcess.Element;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.circuitos.support.Ports;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

/**
 * The decision trail of a lost-opportunity run read back through
 * {@code GET /api/agents/lost-opportunity/runs/{businessKey}/trace}: a rep reads why the lead came to
 * them, a support agent may not, an unknown key is 404, a run removed by history clean-up says so.
 * {@code LostOpportunityOnPostgresTest} reads the same trail on PostgreSQL.
 */
class LostOpportunityTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRepReadsTheWholeTrailOfTheirLeadAndOthersMayNot() throws Exception {
        String opportunity = "OPP-TRAIL-" + System.nanoTime();
        int smtpPort = Ports.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (RunningApp app = RunningApp.start("jdbc:h2:mem:trail-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", true,
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort)) {
            String webhookId = "msg_trail_1_" + opportunity;
            String first = sendAndSettle(app, webhookId, opportunity);
            assertTrail(app.baseUrl(), opportunity, first, webhookId);

            assertThat(get(app.baseUrl(), trace(opportunity), "agent").statusCode()).isEqualTo(403);
            assertTrailPage(app.baseUrl(), opportunity);
            HttpResponse<String> unknown = get(app.baseUrl(), trace("OPP-NEVER-SEEN"), "rep");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("no run of lost-opportunity with business key OPP-NEVER-SEEN");

            String second = sendAndSettle(app, "msg_trail_2_" + opportunity, opportunity);
            JsonNode both = JSON.readTree(get(app.baseUrl(), trace(opportunity), "rep").body());
            assertThat(both.get("runs")).hasSize(2);
            assertThat(both.at("/runs/0/run/instanceId").asText()).isEqualTo(second);
            assertThat(both.at("/runs/1/run/instanceId").asText()).isEqualTo(first);
            assertThat(both.at("/run/instanceId").asText()).isEqualTo(second);

            String running = start(app, "msg_trail_3_" + opportunity, opportunity);
            awaitTask(app.baseUrl(), running);
            JsonNode open = JSON.readTree(get(app.baseUrl(), trace(opportunity), "rep").body());
            assertThat(open.get("runs")).hasSize(3);
            assertThat(open.at("/run/instanceId").asText()).isEqualTo(running);
            assertThat(open.at("/run/state").asText()).isEqualTo("ACTIVE");
            assertThat(open.at("/run/end").isNull()).isTrue();
            assertThat(open.at("/humanActions/0/completed").isNull()).isTrue();
            assertThat(open.at("/humanActions/0/candidateGroups/0").asText()).isEqualTo("sales-reps");

            app.bean(RuntimeService.class).deleteProcessInstance(running, "test: history clean-up removes ended runs only");
            app.bean(HistoryService.class).deleteHistoricProcessInstances(List.of(first, second, running));
            HttpResponse<String> cleaned = get(app.baseUrl(), trace(opportunity), "rep");
            assertThat(cleaned.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(cleaned.body()).get("error").asText()).contains("was removed by history clean-up");
        } finally {
            smtp.stop();
        }
    }

    /** The trail of an urgent lead the rep claimed and sent: shared with the PostgreSQL test. */
    static void assertTrail(String baseUrl, String opportunity, String instanceId, String webhookId) throws Exception {
        HttpResponse<String> response = get(baseUrl, trace(opportunity), "rep");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode trail = JSON.readTree(response.body());
        assertThat(trail.at("/run/processKey").asText()).isEqualTo(LostOpportunityProcess.KEY);
        assertThat(trail.at("/run/businessKey").asText()).isEqualTo(opportunity);
        assertThat(trail.at("/run/instanceId").asText()).isEqualTo(instanceId);
        assertThat(trail.at("/run/state").asText()).isEqualTo("COMPLETED");
        assertThat(trail.at("/run/endReason").asText()).isEqualTo("email sent");
        assertThat(trail.at("/run/processVersion").asInt()).isPositive();
        assertThat(trail.has("runs")).as("one run: no list of runs").isFalse();

        List<String> path = new ArrayList<>();
        trail.get("path").forEach(step -> path.add(step.get("activityId").asText()));
        assertThat(path).containsSubsequence(Element.OPPORTUNITY_CLOSED_LOST, Element.SCORE_REACTIVATION, Element.BAND_OPPORTUNITY,
                Element.DRAFT_REENGAGEMENT_EMAIL, Element.REENGAGE_OPPORTUNITY, Element.SEND_REENGAGEMENT_EMAIL);
        trail.get("path").forEach(step -> assertThat(step.get("durationMs").isNumber()).as(step.toString()).isTrue());

        JsonNode decision = trail.at("/decisions/0");
        assertThat(decision.get("decisionKey").asText()).isEqualTo("lost-opportunity-band");
        assertThat(decision.get("decisionVersion").asInt()).isPositive();
        assertThat(decision.at("/inputs/0/value").asDouble()).isGreaterThanOrEqualTo(80);
        assertThat(decision.at("/outputs/0/name").asText()).isEqualTo("band");
        assertThat(decision.at("/outputs/0/value").asText()).isEqualTo("urgent");
        assertThat(decision.at("/matchedRules/0/rule").asText()).isEqualTo("reactivationScore >= 80 → band = urgent");

        JsonNode score = trail.at("/scores/0");
        assertThat(score.get("modelName").asText()).isEqualTo("lost-opportunity-reactivation");
        assertThat(score.get("modelVersion").asText()).startsWith("lost-opportunity-reactivation ");
        assertThat(score.get("probability").asDouble()).isBetween(0.0, 1.0);
        assertThat(score.get("score").asDouble()).isGreaterThanOrEqualTo(80);
        assertThat(score.get("topFeatures").asText()).contains("previousOutcome=success");

        JsonNode draft = trail.at("/llmCalls/0");
        assertThat(draft.get("activityId").asText()).isEqualTo(Element.DRAFT_REENGAGEMENT_EMAIL);
        assertThat(draft.get("template").asText()).isEqualTo("lost-opportunity-reengagement");
        assertThat(draft.get("origin").asText()).isEqualTo("template"); // no Ollama in the tests' app
        assertThat(draft.get("note").asText()).startsWith("Template (no AI draft)");

        JsonNode action = trail.at("/humanActions/0");
        assertThat(action.get("taskDefinitionKey").asText()).isEqualTo(Element.REENGAGE_OPPORTUNITY);
        assertThat(action.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("sales-reps");
        assertThat(action.get("assignee").asText()).isEqualTo("rep");
        assertThat(Instant.parse(action.get("claimed").asText())).isBeforeOrEqualTo(Instant.parse(action.get("completed").asText()));
        assertThat(action.at("/answers/outcome").asText()).isEqualTo("send");
        assertThat(action.at("/answers/emailDraft").asText()).isEqualTo("Hi Dana, edited.");

        assertThat(trail.at("/messages/inbound/0/webhookId").asText()).isEqualTo(webhookId);
        assertThat(trail.at("/messages/inbound/0/source").asText()).isEqualTo("crm");
        assertThat(trail.at("/messages/emails/0/recipient").asText()).isEqualTo("dana@northwind.example");
    }

    /** The page the form links to, read by a rep signed in to Tasklist (the webapps' own session). */
    private static void assertTrailPage(String baseUrl, String opportunity) throws Exception {
        String page = "/trace/" + LostOpportunityProcess.KEY + "/" + opportunity;
        HttpResponse<String> signedIn = webappSession(baseUrl, "rep").send(HttpRequest.newBuilder(URI.create(baseUrl + page)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(signedIn.body()).contains("<h3>lost-opportunity-band").contains("<tr class=\"matched\"")
                .contains("&gt;= 80").contains("Why it ended:</strong> email sent").contains("Content guard")
                .contains("previousOutcome").contains("Re-engage lost opportunity");
        HttpResponse<String> agent = webappSession(baseUrl, "agent").send(HttpRequest.newBuilder(URI.create(baseUrl + page)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + page)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("no credentials, not a browser: a Basic challenge").isEqualTo(401);
        HttpResponse<String> browser = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + page)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).as("a browser is sent to sign in").isEqualTo(302);
        assertThat(browser.headers().firstValue("Location").orElse("")).endsWith("/signin?return=" + java.net.URLEncoder.encode(page,
                StandardCharsets.UTF_8));
        assertThat(get(baseUrl, page, "rep").statusCode()).as("Basic reads the page like the JSON").isEqualTo(200);
    }

    /** Signs in to the webapps as Tasklist does: its CSRF cookie first, then the login form. */
    static HttpClient webappSession(String baseUrl, String user) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/")).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return browser;
    }

    private static String start(RunningApp app, String webhookId, String opportunity) throws Exception {
        HttpResponse<String> accepted = new SignedWebhooks(app.baseUrl()).send("crm", SignedWebhooks.CRM_SECRET, webhookId, Instant.now(),
                SignedWebhooks.closedLost(opportunity));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("processInstanceId").asText();
    }

    private static String sendAndSettle(RunningApp app, String webhookId, String opportunity) throws Exception {
        String instanceId = start(app, webhookId, opportunity);
        String taskId = awaitTask(app.baseUrl(), instanceId);
        assertThat(post(app.baseUrl(), "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"rep\"}").statusCode()).isEqualTo(204);
        assertThat(post(app.baseUrl(), "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"send\"},\"emailDraft\":{\"value\":\"Hi Dana, edited.\"}}}").statusCode())
                .isEqualTo(204);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HistoryService history = app.bean(HistoryService.class);
        while (history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 0) {
            assertThat(Instant.now()).as("instance %s did not end within 60 s", instanceId).isBefore(deadline);
            Thread.sleep(100);
        }
        return instanceId;
    }

    private static String awaitTask(String baseUrl, String instanceId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode tasks = JSON.readTree(get(baseUrl, "/engine-rest/task?processInstanceId=" + instanceId
                    + "&taskDefinitionKey=" + Element.REENGAGE_OPPORTUNITY, "rep").body());
            if (tasks.size() > 0) {
                return tasks.get(0).get("id").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no rep task for " + instanceId + " within 60 s");
    }

    private static String trace(String businessKey) {
        return "/api/agents/" + LostOpportunityProcess.KEY + "/runs/" + businessKey + "/trace";
    }

    static HttpResponse<String> get(String baseUrl, String path, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String baseUrl, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", basic("rep"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
