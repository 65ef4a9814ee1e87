package io.circuitos.intake;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.audit.trace.RunTrace;
import io.circuitos.audit.trace.TraceReader;
import io.circuitos.support.SignedWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The durable inbox, drained by hand: this node stores deliveries ({@code drain: false}) and the test runs the
 * drainer's batches, so what a batch does is seen batch by batch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"circuitos.webhooks.inbox.drain=false", "circuitos.webhooks.inbox.max-depth=4", "circuitos.webhooks.inbox.batch-size=10"})
@ActiveProfiles("test")
class InboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    InboxDrainer drainer;
    @Autowired
    InboxLevel level;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TraceReader traces;
    @Autowired
    MeterRegistry meters;

    SignedWebhooks webhooks;

    @BeforeEach
    void setUp() {
        webhooks = new SignedWebhooks("http://127.0.0.1:" + port);
        while (drainer.drainOnce() > 0) {
            // what an earlier test left queued
        }
        jdbc.update("update circuitos_webhook_delivery set status = 'failed' where status = 'queued'");
        level.counted(deliveries.depth());
    }

    @Test
    void aDeliveryIsAnsweredQueuedAtOnceAndItsRunStartsOnceWhenDrained() throws Exception {
        HttpResponse<String> answer = send("msg_inbox_1", "OPP-INBOX-1");

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode queued = JSON.readTree(answer.body());
        assertThat(queued.get("outcome").asText()).isEqualTo("queued");
        assertThat(queued.get("processInstanceId").isNull()).isTrue();
        assertThat(queued.get("businessKey").asText()).isEqualTo("OPP-INBOX-1");
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/webhooks/crm/deliveries/msg_inbox_1");
        assertThat(runs("OPP-INBOX-1")).isZero();
        assertThat(webhooks.status("crm", "msg_inbox_1").get("status").asText()).isEqualTo("queued");

        assertThat(drainer.drainOnce()).isEqualTo(1);

        JsonNode status = webhooks.status("crm", "msg_inbox_1");
        assertThat(status.get("status").asText()).isEqualTo("done");
        assertThat(status.get("outcome").asText()).isEqualTo("started");
        assertThat(runs("OPP-INBOX-1")).isEqualTo(1);
        String run = status.get("processInstanceId").asText();
        Map<String, Object> fields = RunPayload.withFields(runtimeService.getVariables(run));
        assertThat(fields.get("amount")).isEqualTo(48000.0);
        assertThat(fields.get("age")).isEqualTo(34L);

        JsonNode again = JSON.readTree(send("msg_inbox_1", "OPP-INBOX-1").body());
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("processInstanceId").asText()).isEqualTo(run);
        assertThat(drainer.drainOnce()).isZero();
        assertThat(runs("OPP-INBOX-1")).isEqualTo(1);
    }

    @Test
    void theSameDeliveryAgainWhileQueuedIsADuplicateAndStartsOnce() throws Exception {
        send("msg_inbox_dup", "OPP-INBOX-DUP");
        JsonNode again = JSON.readTree(send("msg_inbox_dup", "OPP-INBOX-DUP").body());

        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("outcome").asText()).isEqualTo("queued");
        assertThat(drainer.drainOnce()).isEqualTo(1);
        assertThat(runs("OPP-INBOX-DUP")).isEqualTo(1);
        HttpResponse<String> afterItStarted = send("msg_inbox_dup", "OPP-INBOX-DUP");
        assertThat(JSON.readTree(afterItStarted.body()).get("outcome").asText()).isEqualTo("started");
        assertThat(afterItStarted.headers().firstValue("Location")).hasValue("/api/webhooks/crm/deliveries/msg_inbox_dup");
    }

    @Test
    void oneBusinessKeysDeliveriesStartInArrivalOrderAndABatchHoldsEachKeyOnce() throws Exception {
        send("msg_order_1", "OPP-ORDER-A");
        send("msg_order_2", "OPP-ORDER-A");
        send("msg_order_3", "OPP-ORDER-B");

        assertThat(drainer.drainOnce()).isEqualTo(2);
        assertThat(webhooks.status("crm", "msg_order_2").get("status").asText()).isEqualTo("queued");
        assertThat(drainer.drainOnce()).isEqualTo(1);

        JsonNode first = webhooks.status("crm", "msg_order_1");
        JsonNode second = webhooks.status("crm", "msg_order_2");
        assertThat(first.get("outcome").asText()).isEqualTo("started");
        assertThat(second.get("outcome").asText()).isEqualTo("ignored-active-run");
        assertThat(second.get("processInstanceId").asText()).isEqualTo(first.get("processInstanceId").asText());
        assertThat(runs("OPP-ORDER-A")).isEqualTo(1);
        assertThat(runs("OPP-ORDER-B")).isEqualTo(1);
    }

    @Test
    void aDeliveryThatCannotStartDoesNotHoldBackItsBatchAndIsTriedAgainThenKeptAsFailed() throws Exception {
        send("msg_good_1", "OPP-GOOD-1");
        queueRaw("msg_broken", "opportunity.closed_lost", "OPP-BROKEN", "{not json");
        queueRaw("msg_gone", "opportunity.renamed_since", "OPP-GONE", "{}");
        send("msg_good_2", "OPP-GOOD-2");

        drainer.drainOnce();

        assertThat(runs("OPP-GOOD-1")).isEqualTo(1);
        assertThat(runs("OPP-GOOD-2")).isEqualTo(1);
        JsonNode broken = webhooks.status("crm", "msg_broken");
        assertThat(broken.get("status").asText()).isEqualTo("queued");
        assertThat(broken.get("attempts").asInt()).isEqualTo(1);
        assertThat(broken.get("lastError").asText()).contains("not JSON");
        JsonNode gone = webhooks.status("crm", "msg_gone");
        assertThat(gone.get("status").asText()).isEqualTo("failed");
        assertThat(gone.get("outcome").asText()).isEqualTo("failed");
        assertThat(gone.get("lastError").asText()).contains("unknown event type 'opportunity.renamed_since'");

        // due again: its backoff is over; after max-attempts (8) it is given up
        for (int attempt = 2; attempt <= 8; attempt++) {
            jdbc.update("update circuitos_webhook_delivery set next_attempt_at = null where webhook_id = 'msg_broken'");
            drainer.drainOnce();
        }
        JsonNode givenUp = webhooks.status("crm", "msg_broken");
        assertThat(givenUp.get("status").asText()).isEqualTo("failed");
        assertThat(givenUp.get("attempts").asInt()).isEqualTo(8);
        level.counted(deliveries.depth());
        assertThat(meters.get("circuitos_inbox_failed").gauge().value()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFullInboxAnswers429WithRetryAfterAndStoresNothingButStillAnswersADuplicate() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertThat(send("msg_full_" + i, "OPP-FULL-" + i).statusCode()).isEqualTo(202);
        }
        assertThat(meters.get("circuitos_inbox_depth").gauge().value()).isEqualTo(4);

        HttpResponse<String> refused = send("msg_full_5", "OPP-FULL-5");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("inbox holds 4 deliveries");
        assertThat(deliveries.status("crm", "msg_full_5")).isEmpty();
        assertThat(JSON.readTree(send("msg_full_2", "OPP-FULL-2").body()).get("duplicate").asBoolean()).isTrue();

        assertThat(drainer.drainOnce()).isEqualTo(4);
        assertThat(send("msg_full_5", "OPP-FULL-5").statusCode()).isEqualTo(202);
    }

    @Test
    void theTrailShowsWhenADeliveryWasReceivedAndStartedAndTheWaitBetween() throws Exception {
        send("msg_trail_wait", "OPP-INBOX-TRAIL");
        jdbc.update("update circuitos_webhook_delivery set received_at = ? where webhook_id = 'msg_trail_wait'",
                Timestamp.from(Instant.now().minusSeconds(3)));
        drainer.drainOnce();

        RunTrace trace = traces.runs("lost-opportunity", "OPP-INBOX-TRAIL").get(0);
        RunTrace.Delivery delivery = trace.messages().inbound().get(0);
        assertThat(delivery.webhookId()).isEqualTo("msg_trail_wait");
        assertThat(delivery.started()).isAfter(delivery.received());
        assertThat(delivery.waitMillis()).isEqualTo(java.time.Duration.between(delivery.received(), delivery.started()).toMillis())
                .isGreaterThan(2000); // received 3 s before the drain, give or take the database's rounding of both times
    }

    @Test
    void aDeliveryLeftAloneForAnActiveRunSaysSoInTheTrailAndIsNoWaitForAStart() throws Exception {
        send("msg_alone_1", "OPP-ALONE");
        send("msg_alone_2", "OPP-ALONE");
        long waitsBefore = meters.get("circuitos_inbox_wait").timer().count();
        drainer.drainOnce();
        drainer.drainOnce();

        assertThat(meters.get("circuitos_inbox_wait").timer().count()).isEqualTo(waitsBefore + 1);
        RunTrace trace = traces.runs("lost-opportunity", "OPP-ALONE").get(0);
        assertThat(trace.messages().inbound()).extracting(RunTrace.Delivery::webhookId, RunTrace.Delivery::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("msg_alone_1", "started"),
                        org.assertj.core.groups.Tuple.tuple("msg_alone_2", "ignored-active-run"));
        assertThat(trace.messages().inbound().get(1).started()).isNotNull();
    }

    @Test
    void theTrailOfARunWhoseDeliveryStillWaitsSaysItHasNotStartedYet() throws Exception {
        send("msg_waiting_trail", "OPP-WAITING-TRAIL");

        HttpResponse<String> trail = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/agents/lost-opportunity/runs/OPP-WAITING-TRAIL/trace"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(trail.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(trail.body()).get("error").asText()).contains("has not started yet: its delivery waits in the inbox");
        drainer.drainOnce();
        assertThat(traces.deliveriesOf("lost-opportunity", "OPP-WAITING-TRAIL")).isNotEqualTo(DeliveryStore.KeyDeliveries.WAITING);
        assertThat(traces.runs("lost-opportunity", "OPP-WAITING-TRAIL")).hasSize(1);
    }

    @Test
    void aDeliveryHandledInItsRequestReadsDoneWhenItWasReceived() {
        Instant received = Instant.parse("2026-12-04T10:00:00Z");
        deliveries.record("chat", "msg_in_request_status", "conversation.message_received",
                StartResult.of("instance-1", "CHAT-IN-REQUEST", StartResult.CONTINUED), received);

        DeliveryStore.Status status = deliveries.status("chat", "msg_in_request_status").orElseThrow();

        assertThat(status.status()).isEqualTo("done");
        assertThat(status.outcome()).isEqualTo("continued");
        assertThat(status.startedAt()).isEqualTo(received);
        assertThat(status.attempts()).isEqualTo(1);
    }

    private HttpResponse<String> send(String id, String opportunity) throws Exception {
        return webhooks.sendQueued("crm", SignedWebhooks.CRM_SECRET, id, Instant.now(), SignedWebhooks.closedLost(opportunity));
    }

    private void queueRaw(String id, String type, String businessKey, String variables) {
        jdbc.update("insert into circuitos_webhook_delivery (source, webhook_id, event_type, business_key, outcome, status, variables, received_at) "
                + "values ('crm', ?, ?, ?, 'queued', 'queued', ?, ?)", id, type, businessKey, variables, Timestamp.from(Instant.now()));
    }

    private long runs(String opportunity) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("lost-opportunity").processInstanceBusinessKey(opportunity).count();
    }
}
