package io.circuitos.engine.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.support.SignedWebhooks;
import io.circuitos.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pen-test's runaway processes and decisions, each stopped by its run-time bound (small ones here):
 * nothing is allocated or stored past the bound, a job becomes an incident naming the element at once,
 * a synchronous start answers a 4xx instead of hanging, through the webhook as through the engine's REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "circuitos.deployments.limits.max-multi-instance-cardinality=50",
        "circuitos.engine.max-steps-per-transaction=500",
        "circuitos.decisions.evaluation-timeout=PT0.001S",
        "circuitos.decisions.max-feel-iterations=10000"})
@ActiveProfiles("test")
class RunTimeBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> LOOP_ELEMENTS = List.of("Join", "Again", "Split");

    /** The runaway loop's route, written as an analyst writes one: a route file ({@code hostile-runtime/routes/}). */
    @TestConfiguration
    static class HostileRoute {

        @Bean
        @Primary
        RouteCatalogue hostileRoutes() {
            return RouteCatalogue.read("classpath:hostile-runtime/routes/*.yaml");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    DecisionService decisions;

    @BeforeEach
    void deployed() {
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        for (String file : List.of("multi-instance-cardinality.bpmn", "multi-instance-collection.bpmn", "gateway-loop.bpmn",
                "gateway-loop-async.bpmn", "gateway-loop-later.bpmn", "feel-range.dmn", "feel-loop.dmn")) {
            if (repository.createDeploymentQuery().deploymentName(file).count() == 0) {
                HostileRuntime.deployTrusted(repository, file);
            }
        }
    }

    @Test
    void aMultiInstanceOverTheLimitBecomesAnIncidentNamingTheElement() {
        String run = runtime.startProcessInstanceByKey("hostile-mi-cardinality", Map.of("cardinality", 100_000_000)).getId();
        Job job = management.createJobQuery().processInstanceId(run).singleResult();

        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RunTimeBoundExceeded.class);

        Incident incident = runtime.createIncidentQuery().processInstanceId(run).singleResult();
        assertThat(incident).as("an incident at once, no retries of a run that would go past the bound again").isNotNull();
        assertThat(incident.getIncidentMessage()).contains("Fanout", "100000000", RunTimeBounds.CARDINALITY_PROPERTY, "(50)");
        assertThat(tasks.createTaskQuery().processInstanceId(run).count()).as("no instance created").isZero();
        assertThat(runtime.createExecutionQuery().processInstanceId(run).count()).as("no execution but the instance's").isEqualTo(1);
    }

    @Test
    void aMultiInstanceAtTheLimitRuns() {
        String run = runtime.startProcessInstanceByKey("hostile-mi-cardinality", Map.of("cardinality", 50)).getId();
        management.executeJob(management.createJobQuery().processInstanceId(run).singleResult().getId());

        assertThat(tasks.createTaskQuery().processInstanceId(run).count()).isEqualTo(50);
    }

    @Test
    void aCollectionVariableOverTheLimitIsRefusedInTheCallersTransactionNamingTheElement() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("hostile-mi-collection").count();
        List<String> customers = IntStream.range(0, 51).mapToObj(i -> "C" + i).toList();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("hostile-mi-collection",
                Variables.createVariables().putValue("customers", Variables.objectValue(customers).serializationDataFormat("application/json").create())))
                .isInstanceOf(RunTimeBoundExceeded.class).hasMessageContaining("PerCustomer").hasMessageContaining("51 instances");

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hostile-mi-collection").count()).isEqualTo(before);
        String fits = runtime.startProcessInstanceByKey("hostile-mi-collection", Variables.createVariables().putValue("customers",
                Variables.objectValue(customers.subList(0, 50)).serializationDataFormat("application/json").create())).getId();
        assertThat(tasks.createTaskQuery().processInstanceId(fits).taskDefinitionKey("Wait").count()).isEqualTo(1);
    }

    @Test
    void aLoopWithoutWaitStateStopsAtTheStepBudgetWithAnIncident() {
        String run = runtime.startProcessInstanceByKey("hostile-loop-async").getId();
        Job job = management.createJobQuery().processInstanceId(run).singleResult();

        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RunTimeBoundExceeded.class);

        Incident incident = runtime.createIncidentQuery().processInstanceId(run).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage()).contains(RunTimeBounds.STEPS_PROPERTY, "(500").containsAnyOf("activity Join", "activity Again",
                "activity Split");
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
    }

    @Test
    void aLoopInAnInRequestStartAnswers422AndStoresNothing() throws Exception {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop").count();

        var answer = new SignedWebhooks("http://127.0.0.1:" + port).sendCrm("""
                {"type": "hostile.loop_in_request", "data": {"loopId": "L-%d"}}""".formatted(System.nanoTime()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("error").asText()).contains(RunTimeBounds.STEPS_PROPERTY);
        assertThat(List.of("Join", "Again", "Split")).contains(body.path("element").asText());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop").count()).isEqualTo(before);
    }

    @Test
    void aLoopInAQueuedStartIsGivenUpAtOnceNamingTheBoundAndStartsNothing() throws Exception {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop").count();
        SignedWebhooks webhooks = new SignedWebhooks("http://127.0.0.1:" + port);
        String id = "msg_loop_" + System.nanoTime();

        var answer = webhooks.send("crm", SignedWebhooks.CRM_SECRET, id, java.time.Instant.now(), """
                {"type": "hostile.loop", "data": {"loopId": "L-%d"}}""".formatted(System.nanoTime()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(JSON.readTree(answer.body()).path("outcome").asText()).isEqualTo("failed");
        JsonNode status = webhooks.status("crm", id);
        assertThat(status.path("status").asText()).isEqualTo("failed");
        assertThat(status.path("attempts").asInt()).isEqualTo(1);
        assertThat(status.path("lastError").asText()).contains(RunTimeBounds.STEPS_PROPERTY);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop").count()).isEqualTo(before);
    }

    @Test
    void aLiteralRangeOverTheIterationLimitIsRefusedNamingTheExpression() {
        assertThatThrownBy(() -> decisions.evaluateDecisionByKey("hostile-feel-range").variables(Map.of("score", 1)).evaluate())
                .satisfies(e -> assertThat(RunTimeBoundExceeded.in(e)).isInstanceOf(FeelBudgetExceeded.class))
                .hasStackTraceContaining("1..3000000").hasStackTraceContaining(FeelBudget.ITERATIONS_PROPERTY);
    }

    @Test
    void aRunawayFeelExpressionStopsAtTheTimeBudgetNamingIt() {
        assertThatThrownBy(() -> decisions.evaluateDecisionByKey("hostile-feel-loop").variables(Map.of("score", 1)).evaluate())
                .satisfies(e -> assertThat(RunTimeBoundExceeded.in(e)).isInstanceOf(FeelBudgetExceeded.class))
                .hasStackTraceContaining("count(for a in [1,2,3").hasStackTraceContaining(FeelBudget.TIMEOUT_PROPERTY);
    }

    @Test
    void aLoopStartedThroughTheEngineRestApiAnswers422NamingTheElementAndTheProperty() throws Exception {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop").count();

        HttpResponse<String> answer = postAsAdmin("/engine-rest/process-definition/key/hostile-loop/start", "{}");

        assertLoopRefused(answer);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop").count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aLoopStartedByAMessageOrSignalThroughTheEngineRestApiAnswers422() throws Exception {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop-later").count();

        assertLoopRefused(postAsAdmin("/engine-rest/message", "{\"messageName\": \"hostile-loop-now\"}"));
        assertLoopRefused(postAsAdmin("/engine-rest/signal", "{\"name\": \"hostile-loop-signal\"}"));

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop-later").count()).isEqualTo(before);
    }

    @Test
    void aLoopReachedByCompletingATaskThroughTheEngineRestApiAnswers422AndTheTaskStays() throws Exception {
        String run = runtime.startProcessInstanceByKey("hostile-loop-later").getId();
        String review = tasks.createTaskQuery().processInstanceId(run).singleResult().getId();

        assertLoopRefused(postAsAdmin("/engine-rest/task/" + review + "/complete", "{}"));

        assertThat(tasks.createTaskQuery().taskId(review).count()).as("the completion was rolled back").isEqualTo(1);
    }

    @Test
    void aLoopReachedThroughTasklistAnswers422AndTheTaskStays() throws Exception {
        String run = runtime.startProcessInstanceByKey("hostile-loop-later").getId();
        String review = tasks.createTaskQuery().processInstanceId(run).singleResult().getId();
        WebappSession tasklist = WebappSession.signIn("http://127.0.0.1:" + port, "tasklist", "demo");
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop").count();

        assertLoopRefused(tasklist.postJson("/camunda/api/engine/engine/default/task/" + review + "/submit-form", "{\"variables\": {}}"));
        assertLoopRefused(tasklist.postJson("/camunda/api/engine/engine/default/process-definition/key/hostile-loop/submit-form",
                "{\"variables\": {}}"));

        assertThat(tasks.createTaskQuery().taskId(review).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hostile-loop").count()).isEqualTo(before);
        HttpResponse<String> unknown = tasklist.postJson("/camunda/api/engine/engine/default/process-definition/key/no-such-process/submit-form",
                "{\"variables\": {}}");
        assertThat(unknown.statusCode()).as("Camunda's own answer: " + unknown.body()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("type").asText()).isEqualTo("RestException");
    }

    @Test
    void aFeelRangeEvaluatedThroughTheEngineRestApiAnswers422NamingTheExpression() throws Exception {
        HttpResponse<String> answer = postAsAdmin("/engine-rest/decision-definition/key/hostile-feel-range/evaluate",
                "{\"variables\": {\"score\": {\"value\": 1, \"type\": \"Integer\"}}}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("type").asText()).isEqualTo(FeelBudgetExceeded.class.getSimpleName());
        assertThat(body.path("message").asText()).contains("1..3000000", FeelBudget.ITERATIONS_PROPERTY);
    }

    @Test
    void otherEngineRestErrorsKeepCamundasOwnAnswer() throws Exception {
        HttpResponse<String> unknown = postAsAdmin("/engine-rest/process-definition/key/no-such-process/start", "{}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("type").asText()).isEqualTo("RestException");
        assertThat(JSON.readTree(unknown.body()).path("message").asText()).contains("no-such-process");

        HttpResponse<String> badVariable = postAsAdmin("/engine-rest/process-definition/key/hostile-loop/start",
                "{\"variables\": {\"count\": {\"value\": \"many\", \"type\": \"Integer\"}}}");
        assertThat(badVariable.statusCode()).as(badVariable.body()).isEqualTo(400);
        assertThat(JSON.readTree(badVariable.body()).path("type").asText()).isEqualTo("InvalidRequestException");
    }

    private static void assertLoopRefused(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("type").asText()).isEqualTo(RunTimeBoundExceeded.class.getSimpleName());
        assertThat(body.path("message").asText()).contains(RunTimeBounds.STEPS_PROPERTY, "(500");
        assertThat(LOOP_ELEMENTS).contains(body.path("element").asText());
        assertThat(body.path("message").asText()).contains("activity " + body.path("element").asText());
    }

    private HttpResponse<String> postAsAdmin(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
