package io.circuitos.agents.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.agents.support.SupportEscalationProcess.Element;
import io.circuitos.agents.support.SupportEscalationProcess.Variable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.Jobs;
import io.circuitos.support.SignedWebhooks;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The support agent inside the application: a help-desk ticket by signed webhook, answered by the
 * (fake) model from the knowledge base, and sent back to the help desk as a signed webhook the help
 * desk can verify; bad tickets and replies to unknown tickets are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupportOnAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELPDESK_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1oZWxwZGVzay1zZWNyZXQtMDE=";
    private static final String OUTBOUND_SECRET = "whsec_dGVzdC1vbmx5LWhlbHBkZXNrLWluYm94LXNlY3JldA==";
    private static final FakeOllama OLLAMA = FakeOllamaHolder.start();
    private static final List<Delivery> HELPDESK_INBOX = new CopyOnWriteArrayList<>();
    private static final HttpServer HELPDESK = helpdesk();

    record Delivery(String body, Map<String, List<String>> headers) {
    }

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void collaborators(DynamicPropertyRegistry registry) {
        registry.add("circuitos.llm.base-url", OLLAMA::baseUrl);
        registry.add("circuitos.llm.model", () -> "fake-model");
        registry.add("circuitos.outbound.helpdesk.url", () -> "http://127.0.0.1:" + HELPDESK.getAddress().getPort() + "/inbox");
        registry.add("circuitos.outbound.helpdesk.secret", () -> OUTBOUND_SECRET);
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
        HELPDESK.stop(0);
    }

    private static HttpServer helpdesk() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/inbox", exchange -> {
                HELPDESK_INBOX.add(new Delivery(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        Map.copyOf(exchange.getRequestHeaders())));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class FakeOllamaHolder {
        static FakeOllama start() {
            try {
                return new FakeOllama();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private HttpResponse<String> send(String body) throws Exception {
        return new SignedWebhooks("http://127.0.0.1:" + port).send("helpdesk", HELPDESK_SECRET, "msg_" + UUID.randomUUID(), Instant.now(), body);
    }

    @Test
    void aTicketIsAnsweredFromTheKnowledgeBaseAndTheHelpDeskGetsASignedAnswer() throws Exception {
        OLLAMA.enqueue(FakeOllama.Reply.toolCall("lookUpCustomer", "{}"));
        OLLAMA.enqueue(FakeOllama.Reply.content(JSON.createObjectNode().put(Variable.INTENT, "find tasks").put(Variable.SENTIMENT, "neutral")
                .put("answer", "Open Tasklist and choose your group's filter.").put(Variable.CONFIDENCE, 0.92)
                .put(Variable.USED_ARTICLES, "working-tasks-in-tasklist").toString()));
        HttpResponse<String> accepted = send("""
                {"type": "support.ticket_created", "data": {"ticketId": "HD-APP-1", "subject": "Tasks",
                 "text": "Where do I find my tasks in Tasklist?", "customer": {"email": "kim@customer.example", "tier": "standard"}}}""");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String instanceId = JSON.readTree(accepted.body()).get("processInstanceId").asText();
        Jobs.runDueKeepingFailures(managementService, instanceId, () -> { });

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getEndActivityId())
                .isEqualTo(Element.ANSWERED_AUTOMATICALLY);
        Delivery delivery = HELPDESK_INBOX.stream().filter(d -> d.body().contains("HD-APP-1")).findFirst().orElseThrow();
        new Webhook(OUTBOUND_SECRET).verify(delivery.body(), HttpHeaders.of(delivery.headers(), (a, b) -> true).map());
        JsonNode answer = JSON.readTree(delivery.body());
        assertThat(answer.get("type").asText()).isEqualTo("support.ticket_answered");
        assertThat(answer.at("/data/answer").asText()).isEqualTo("Open Tasklist and choose your group's filter.");
        assertThat(answer.at("/data/articleIds").asText()).contains("working-tasks-in-tasklist");

        JsonNode trail = JSON.readTree(get("/api/agents/support-escalation/runs/HD-APP-1/trace").body());
        JsonNode call = trail.at("/llmCalls/0");
        assertThat(call.get("provider").asText()).isEqualTo("ollama");
        assertThat(call.get("steps")).extracting(step -> step.get("kind").asText() + " " + (step.get("kind").asText().equals("tool")
                ? step.get("tool").asText() + " " + step.get("outcome").asText() : step.get("provider").asText()))
                .containsExactly("model ollama", "tool lookUpCustomer ok", "model ollama");
        assertThat(meters.get("circuitos.llm.calls").tags("origin", "llm", "provider", "ollama", "template", "support-answer").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("circuitos.llm.tool.calls").tags("tool", "lookUpCustomer", "outcome", "ok").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("circuitos.llm.agent.model.calls").tags("template", "support-answer", "end", "answered").summary().totalAmount())
                .as("two model calls: the tool round and the answer").isEqualTo(2.0);
    }

    /** As the demo admin, who may read every run and the metrics. */
    private HttpResponse<String> get(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badTicketsAndRepliesToUnknownTicketsAreRefused() throws Exception {
        HttpResponse<String> badTier = send("""
                {"type": "support.ticket_created", "data": {"ticketId": "HD-BAD", "text": "Help", "customer": {"tier": "gold"}}}""");
        assertThat(badTier.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badTier.body()).get("field").asText()).isEqualTo("data.customer.tier");
        HttpResponse<String> noText = send("""
                {"type": "support.ticket_created", "data": {"ticketId": "HD-BAD"}}""");
        assertThat(JSON.readTree(noText.body()).get("field").asText()).isEqualTo("data.text");
        HttpResponse<String> reply = send("""
                {"type": "support.ticket_replied", "data": {"ticketId": "HD-NOBODY", "text": "Any news?"}}""");
        assertThat(reply.statusCode()).isEqualTo(404);
    }
}
