package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code on-active-run}: a second event for a business key whose run is still active, per mode. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActiveRunIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jaGF0LXNlY3JldC0wMQ=="; // DEMO VALUE of application.yaml

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    WebhookProperties properties;
    @Autowired
    RouteCatalogue routes;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    SignedWebhooks webhooks;

    @BeforeEach
    void setUp() {
        webhooks = new SignedWebhooks("http://127.0.0.1:" + port);
    }

    @Test
    void ignoreAnswersTheActiveRunAndStartsNothing() throws Exception {
        String body = SignedWebhooks.closedLost("OPP-ACTIVE-1");
        JsonNode first = accepted(webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_active_1a", Instant.now(), body));
        JsonNode second = accepted(webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_active_1b", Instant.now(), body));

        assertThat(first.get("outcome").asText()).isEqualTo("started");
        assertThat(first.get("activeRun").asBoolean()).isFalse();
        assertThat(second.get("outcome").asText()).isEqualTo("ignored-active-run");
        assertThat(second.get("activeRun").asBoolean()).isTrue();
        assertThat(second.get("duplicate").asBoolean()).isFalse();
        assertThat(second.get("processInstanceId").asText()).isEqualTo(first.get("processInstanceId").asText());
        assertThat(runs("lost-opportunity", "OPP-ACTIVE-1")).isEqualTo(1);

        JsonNode redelivered = accepted(webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_active_1b", Instant.now(), body));
        assertThat(redelivered.get("duplicate").asBoolean()).isTrue();
        assertThat(redelivered.get("outcome").asText()).isEqualTo("ignored-active-run");
    }

    @Test
    void ignoreStartsANewRunOnceTheActiveOneHasEnded() throws Exception {
        String body = SignedWebhooks.closedLost("OPP-ACTIVE-2");
        JsonNode first = accepted(webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_active_2a", Instant.now(), body));
        runtimeService.deleteProcessInstance(first.get("processInstanceId").asText(), "ended for the test");

        JsonNode second = accepted(webhooks.send("crm", SignedWebhooks.CRM_SECRET, "msg_active_2b", Instant.now(), body));
        assertThat(second.get("outcome").asText()).isEqualTo("started");
        assertThat(second.get("processInstanceId").asText()).isNotEqualTo(first.get("processInstanceId").asText());
    }

    @Test
    void concurrentDeliveriesWithDifferentIdsForOneBusinessKeyStartOneRun() throws Exception {
        List<JsonNode> answers = sendAtOnce(webhooks, "OPP-ACTIVE-RACE", 12);

        assertThat(answers).filteredOn(a -> a.get("outcome").asText().equals("started")).hasSize(1);
        assertThat(answers).extracting(a -> a.get("processInstanceId").asText()).containsOnly(answers.get(0).get("processInstanceId").asText());
        assertThat(runs("lost-opportunity", "OPP-ACTIVE-RACE")).isEqualTo(1);
    }

    /** {@code senders} closed-lost events for one opportunity, each with its own webhook-id, sent at the same moment; all 202. */
    static List<JsonNode> sendAtOnce(SignedWebhooks webhooks, String opportunityId, int senders) throws Exception {
        String body = SignedWebhooks.closedLost(opportunityId);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                String id = "msg_race_" + opportunityId + "_" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return webhooks.send("crm", SignedWebhooks.CRM_SECRET, id, Instant.now(), body);
                }));
            }
            go.countDown();
            List<JsonNode> accepted = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                accepted.add(accepted(answer.get()));
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void correlateRefusesAMessageTheActiveRunIsNotWaitingForAndStartsNoSecondRun() throws Exception {
        JsonNode first = accepted(chat("msg_active_chat_1", "CONV-ACTIVE-1"));
        assertThat(first.get("outcome").asText()).isEqualTo("started");

        // jobs do not run in this context: the run stays between its start and the classify step
        HttpResponse<String> busy = chat("msg_active_chat_2", "CONV-ACTIVE-1");
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
        assertThat(busy.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(busy.body()).get("error").asText()).contains(first.get("processInstanceId").asText(), "ConversationMessage");
        assertThat(runs("conversation", "CONV-ACTIVE-1")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from circuitos_webhook_delivery where webhook_id = 'msg_active_chat_2'", Long.class))
                .isZero();
    }

    @Test
    void correlateContinuesTheActiveRunWhenItWaits() throws Exception {
        String run = accepted(chat("msg_active_chat_3", "CONV-ACTIVE-2")).get("processInstanceId").asText();
        driveToTheNextWait(run);

        JsonNode next = accepted(chat("msg_active_chat_4", "CONV-ACTIVE-2"));
        assertThat(next.get("outcome").asText()).isEqualTo("continued");
        assertThat(next.get("activeRun").asBoolean()).isTrue();
        assertThat(next.get("processInstanceId").asText()).isEqualTo(run);
        assertThat(runs("conversation", "CONV-ACTIVE-2")).isEqualTo(1);
    }

    @Test
    void startStartsAnotherRunBesideTheActiveOne() {
        Route shipped = routes.route("opportunity.closed_lost").orElseThrow();
        Route alwaysStart = new Route(shipped.type(), shipped.processKey(), null, null, shipped.businessKey(), shipped.sources(),
                shipped.fields(), ActiveRunPolicy.START);
        IntakeService intake = new IntakeService(properties, RouteCatalogue.of("this test", List.of(alwaysStart)), objectMapper,
                runtimeService, new DeliveryStore(jdbc), new RunKeyStore(jdbc), new TransactionTemplate(transactionManager),
                new io.circuitos.engine.OneCommand(processEngine), Clock.systemUTC(), List.of(), new InboxLevel(Clock.systemUTC()));

        StartResult first = intake.accept("crm", "msg_active_start_1", event("OPP-ACTIVE-3"));
        StartResult second = intake.accept("crm", "msg_active_start_2", event("OPP-ACTIVE-3"));

        assertThat(List.of(first.outcome(), second.outcome())).containsOnly("started");
        assertThat(second.processInstanceId()).isNotEqualTo(first.processInstanceId());
        assertThat(runs("lost-opportunity", "OPP-ACTIVE-3")).isEqualTo(2);
    }

    @Test
    void aRouteThatCannotHonourItsPolicyIsRefusedAtStart() {
        Route correlateWithoutMessage = new Route("x.y", "lost-opportunity", null, null, "id", List.of("crm"), List.of(), ActiveRunPolicy.CORRELATE);
        assertThatThrownBy(() -> properties.check(RouteCatalogue.of("this test", List.of(correlateWithoutMessage))))
                .hasMessageContaining("on-active-run correlate needs the message");
        Route handlerWithPolicy = new Route("x.z", null, null, "customer-store", "id", List.of("crm"), List.of(), ActiveRunPolicy.IGNORE);
        assertThatThrownBy(() -> properties.check(RouteCatalogue.of("this test", List.of(handlerWithPolicy))))
                .hasMessageContaining("remove on-active-run");
    }

    private JsonNode event(String opportunityId) {
        try {
            return JSON.readTree(SignedWebhooks.closedLost(opportunityId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the run's jobs (no job executor here) until it waits for the next message or a person. */
    private void driveToTheNextWait(String run) {
        var management = engine.getManagementService();
        for (int i = 0; i < 20; i++) {
            var jobs = management.createJobQuery().processInstanceId(run).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private HttpResponse<String> chat(String id, String conversation) throws Exception {
        return webhooks.send("chat", CHAT_SECRET, id, Instant.now(), JSON.writeValueAsString(Map.of("type", "conversation.message_received",
                "data", Map.of("conversationId", conversation, "text", "Do you integrate with HubSpot?", "channel", "chat"))));
    }

    private long runs(String processKey, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).count();
    }

    private static JsonNode accepted(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }
}
