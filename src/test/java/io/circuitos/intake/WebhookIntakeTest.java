package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** {@code POST /api/webhooks/{source}}: acceptance, idempotency and every rejection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebhookIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    SignedWebhooks webhooks;
    long instancesBefore;
    long deliveriesBefore;

    @BeforeEach
    void setUp() {
        webhooks = new SignedWebhooks("http://127.0.0.1:" + port);
        instancesBefore = runtimeService.createProcessInstanceQuery().count();
        deliveriesBefore = deliveries();
    }

    @Test
    void acceptedDeliveryStartsTheAgentAndAnswers202() throws Exception {
        HttpResponse<String> response = webhooks.sendCrm(SignedWebhooks.closedLost("OPP-ACCEPT-1"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("businessKey").asText()).isEqualTo("OPP-ACCEPT-1");
        assertThat(body.get("duplicate").asBoolean()).isFalse();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(body.get("processInstanceId").asText()).singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo("OPP-ACCEPT-1");
        assertThat(RunPayload.withFields(runtimeService.getVariables(instance.getId())))
                .containsEntry("amount", 48000.0)
                .containsEntry("contactEmail", "dana@northwind.example")
                .containsEntry("previousContacts", 2L)
                .doesNotContainKey("band"); // scoring runs after the response, asynchronously
    }

    @Test
    void theSameWebhookIdAgainReturnsTheFirstInstanceAndStartsNothing() throws Exception {
        String body = SignedWebhooks.closedLost("OPP-DUP-1");
        HttpResponse<String> first = webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_dup_1", Instant.now(), body);
        HttpResponse<String> again = webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_dup_1", Instant.now(), body);

        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode firstBody = JSON.readTree(first.body());
        JsonNode againBody = JSON.readTree(again.body());
        assertThat(againBody.get("duplicate").asBoolean()).isTrue();
        assertThat(againBody.get("processInstanceId").asText()).isEqualTo(firstBody.get("processInstanceId").asText());
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore + 1);
    }

    @Test
    void twentyConcurrentDeliveriesOfOneWebhookIdStartOneInstance() throws Exception {
        String body = SignedWebhooks.closedLost("OPP-CONCURRENT-1");
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                responses.add(pool.submit(() -> {
                    go.await();
                    return webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_concurrent_1", now, body);
                }));
            }
            go.countDown();
            List<String> instanceIds = new ArrayList<>();
            int firsts = 0;
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> r = response.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                JsonNode json = JSON.readTree(r.body());
                instanceIds.add(json.get("processInstanceId").asText());
                firsts += json.get("duplicate").asBoolean() ? 0 : 1;
            }
            assertThat(firsts).isEqualTo(1);
            assertThat(instanceIds).containsOnly(instanceIds.get(0));
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("OPP-CONCURRENT-1").count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBadSignatureIs401AndLeavesNoTrace() throws Exception {
        HttpResponse<String> response = webhooks.send("crm", "whsec_" + java.util.Base64.getEncoder().encodeToString(
                "not-the-crm-secret-at-all".getBytes()), "msg_badsig", Instant.now(), SignedWebhooks.closedLost("OPP-BADSIG"));
        assertRejected(response, 401, null);
    }

    @Test
    void aBodyChangedAfterSigningIs401() throws Exception {
        String body = SignedWebhooks.closedLost("OPP-TAMPER");
        long now = Instant.now().getEpochSecond();
        String signature = new com.standardwebhooks.Webhook(SignedWebhooks.CRM_SECRET).sign("msg_tamper", now, body);
        HttpResponse<String> response = webhooks.post("crm", body.replace("48000", "1"), "msg_tamper", Long.toString(now), signature);
        assertRejected(response, 401, null);
    }

    @Test
    void missingSignatureHeadersAre401() throws Exception {
        assertRejected(webhooks.post("crm", SignedWebhooks.closedLost("OPP-NOSIG"), "msg_nosig", null, null), 401, null);
        assertRejected(webhooks.post("crm", SignedWebhooks.closedLost("OPP-NOID"), null, "1", "v1,abc"), 401, null);
    }

    @ParameterizedTest(name = "timestamp {0} s away → 401")
    @CsvSource({"-301", "301", "-3600"})
    void aTimestampOutsideFiveMinutesIs401(long offsetSeconds) throws Exception {
        HttpResponse<String> response = webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_ts_" + offsetSeconds,
                pinnedNow().plusSeconds(offsetSeconds), SignedWebhooks.closedLost("OPP-TS"));
        assertRejected(response, 401, null);
    }

    @ParameterizedTest(name = "timestamp {0} s away → 202")
    @CsvSource({"-300", "300"})
    void aTimestampWithinFiveMinutesIsAccepted(long offsetSeconds) throws Exception {
        HttpResponse<String> response = webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_ts_ok_" + offsetSeconds,
                pinnedNow().plusSeconds(offsetSeconds), SignedWebhooks.closedLost("OPP-TS-OK" + offsetSeconds));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** The application's clock is the engine's: pinned, the ±5 minute boundary is exact however slow the machine. */
    private static Instant pinnedNow() {
        Instant now = Instant.parse("2026-11-21T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        return now;
    }

    @AfterEach
    void releaseTheClock() {
        ClockUtil.reset();
    }

    @Test
    void anUnknownSourceIs404() throws Exception {
        assertRejected(webhooks.send("erp", SignedWebhooks.CRM_SECRET, "msg_erp", Instant.now(),
                SignedWebhooks.closedLost("OPP-ERP")), 404, null);
    }

    @Test
    void anUnknownEventTypeIs400NamingType() throws Exception {
        String body = SignedWebhooks.closedLost("OPP-TYPE").replace("opportunity.closed_lost", "opportunity.reopened");
        assertRejected(webhooks.sendCrm(body), 400, "type");
    }

    @Test
    void anEventTypeFromASourceNotAllowedToSendItIs400() throws Exception {
        String formsSecret = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1mb3Jtcy1zZWNyZXQtMDE=";
        assertRejected(webhooks.send("forms", formsSecret, "msg_forms_1", Instant.now(),
                SignedWebhooks.closedLost("OPP-FORMS")), 400, "type");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = webhooks.sendCrm("{\"type\": \"opportunity.closed_lost\", \"data\": {");
        assertRejected(response, 400, "body");
        assertThat(response.body()).contains("malformed JSON at line 1, column").doesNotContain("Jackson", "REDACTED", "StreamReadFeature");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing opportunity id | \"opportunityId\": \"OPP-FIELD\", | '' | data.opportunityId",
            "negative amount | \"amount\": 48000 | \"amount\": -1 | data.amount",
            "amount not a number | \"amount\": 48000 | \"amount\": \"lots\" | data.amount",
            "missing amount | \"amount\": 48000, | '' | data.amount",
            "invalid contact email | dana@northwind.example | not-an-email | data.contact.email",
            "missing contact email | \"email\": \"dana@northwind.example\", | '' | data.contact.email",
            "age out of range | \"age\": 34 | \"age\": 7 | data.contact.age",
            "missing data | \"data\": { | \"other\": { | data"})
    void aMissingOrInvalidFieldIs400NamingTheField(String what, String replace, String with, String field) throws Exception {
        String body = SignedWebhooks.closedLost("OPP-FIELD").replace(replace, with);
        assertRejected(webhooks.sendCrm(body), 400, field);
    }

    @Test
    void overTheSourceRateLimitIs429WithRetryAfter() throws Exception {
        String secret = "whsec_dGVzdC1vbmx5LWxpbWl0ZWQtc291cmNlLXNlY3JldA==";
        String body = SignedWebhooks.closedLost("OPP-LIMIT").replace("opportunity.closed_lost", "opportunity.unknown");
        for (int i = 0; i < 3; i++) {
            assertThat(webhooks.send("limited", secret, "msg_limit_" + i, Instant.now(), body).statusCode()).isEqualTo(400);
        }
        HttpResponse<String> limited = webhooks.send("limited", secret, "msg_limit_4", Instant.now(), body);
        assertRejected(limited, 429, null);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(1).toSeconds());
    }

    private void assertRejected(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isNotBlank();
        if (field != null) {
            assertThat(body.get("field").asText()).isEqualTo(field);
            assertThat(body.get("error").asText()).startsWith(field + ":");
        }
        assertThat(runtimeService.createProcessInstanceQuery().count()).as("no instance started").isEqualTo(instancesBefore);
        assertThat(deliveries()).as("no delivery recorded").isEqualTo(deliveriesBefore);
    }

    private long deliveries() {
        return jdbc.queryForObject("select count(*) from circuitos_webhook_delivery", Long.class);
    }
}
