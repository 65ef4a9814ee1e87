package io.circuitos.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.intake.FieldMapping;
import io.circuitos.intake.Route;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.support.Jobs;
import io.circuitos.support.SignedWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every outcome route of the catalogue ({@code handler: run-outcome}; a new one is covered without touching this test):
 * a run started by its agent's sample event ({@code tools/events/}) is labelled by the outcome event, beside the score
 * it recorded, and the trail shows it; a second outcome for the run is refused naming the first, an outcome for a key
 * no run has is refused naming the field, the same delivery again is a duplicate, and a refusal stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutcomesLabelTheRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    static Stream<Route> outcomeRoutes() {
        return RouteCatalogue.shipped().routes().stream().filter(route -> RunOutcomes.NAME.equals(route.handler()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomeRoutes")
    void anOutcomeLabelsItsRunOnceBesideTheRecordedScore(Route outcome) throws Exception {
        Route start = RouteCatalogue.shipped().routes().stream()
                .filter(r -> r.handler() == null && outcome.processKey().equals(r.processKey()) && r.message() == null).findFirst().orElseThrow();
        String key = "OUT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode started = (ObjectNode) JSON.readTree(Files.readString(Path.of("tools/events", start.type() + ".json")));
        put(started, path(start), key);
        HttpResponse<String> run = send(start.sources().get(0), started.toString());
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        String instanceId = JSON.readTree(run.body()).get("processInstanceId").asText();
        Jobs.runDueKeepingFailures(management, instanceId, () -> { });

        String label = outcomeEvent(outcome, key);
        String webhookId = "msg_" + UUID.randomUUID();
        HttpResponse<String> labelled = send(outcome.sources().get(0), webhookId, label);
        assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(202);
        assertThat(JSON.readTree(labelled.body()).get("processInstanceId").asText()).as("the labelled run").isEqualTo(instanceId);
        assertThat(send(outcome.sources().get(0), webhookId, label).body()).as("the same delivery again").contains("\"duplicate\":true");

        JsonNode trail = JSON.readTree(get("/api/agents/" + outcome.processKey() + "/runs/" + key + "/trace").body());
        assertThat(trail.at("/outcome/outcome").asText()).isEqualTo(outcome.outcome().name());
        assertThat(trail.at("/messages/inbound").findValuesAsText("eventType")).as("the outcome event is among what the run received")
                .contains(outcome.type());
        assertThat(trail.at("/outcome/positive").asBoolean()).isEqualTo(outcome.outcome().positive());
        HistoricVariableInstance version = history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName("modelVersion").list().stream().filter(v -> !instanceId.equals(v.getActivityInstanceId())).findFirst().orElseThrow();
        assertThat(trail.at("/outcome/modelVersion").asText()).as("the score the run recorded").isEqualTo(version.getValue());
        double recorded = ((Number) history.createHistoricVariableInstanceQuery().activityInstanceIdIn(version.getActivityInstanceId())
                .variableName("probability").singleResult().getValue()).doubleValue();
        assertThat(trail.at("/outcome/probability").asDouble()).isEqualTo(recorded);

        HttpResponse<String> again = send(outcome.sources().get(0), outcomeEvent(outcome, key));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("labelled already: " + outcome.outcome().name());
        HttpResponse<String> noRun = send(outcome.sources().get(0), outcomeEvent(outcome, key + "-NONE"));
        assertThat(noRun.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(noRun.body()).get("field").asText()).as("the payload path, as the intake's 400s name fields")
                .isEqualTo(path(outcome));
        assertThat(jdbc.queryForObject("select count(*) from circuitos_run_outcome where business_key in (?, ?)", Integer.class, key,
                key + "-NONE")).as("one label, the refusals stored nothing").isEqualTo(1);
    }

    private static String outcomeEvent(Route outcome, String key) {
        ObjectNode event = JSON.createObjectNode().put("type", outcome.type()).put("timestamp", Instant.now().toString());
        put(event, path(outcome), key);
        return event.toString();
    }

    /** The payload path of the route's business key, e.g. {@code data.opportunityId}. */
    private static String path(Route route) {
        return route.fields().stream().filter(f -> f.name().equals(route.businessKey())).map(FieldMapping::path).findFirst().orElseThrow();
    }

    private static void put(ObjectNode event, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = event;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    private HttpResponse<String> send(String source, String body) throws Exception {
        return send(source, "msg_" + UUID.randomUUID(), body);
    }

    private HttpResponse<String> send(String source, String webhookId, String body) throws Exception {
        return new SignedWebhooks("http://127.0.0.1:" + port).send(source,
                environment.getProperty("circuitos.webhooks.sources." + source + ".secret"), webhookId, Instant.now(), body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
