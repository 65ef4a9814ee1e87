package io.circuitos.engine.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.support.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pen-test's timer that starts an instance every second, with the job executor running: an analyst
 * stops it through the engine's REST API (delete with cascade, or suspend) and gets a 2xx or a clear 4xx.
 */
class AnalystStopsRunawayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start("jdbc:h2:mem:runaway-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", true);
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(app.bean(org.camunda.bpm.engine.ProcessEngine.class));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAnalystDeletesTheirRunawayTimerDeployment() throws Exception {
        RepositoryService repository = app.bean(RepositoryService.class);
        RuntimeService runtime = app.bean(RuntimeService.class);
        String deployment = HostileRuntime.deployTrusted(repository, "timer-every-second.bpmn");
        awaitInstances(runtime, 3);

        HttpResponse<String> suspended = send("PUT", "/engine-rest/process-definition/key/hostile-timer/suspended", "analyst",
                "{\"suspended\": true, \"includeProcessInstances\": true}");
        assertThat(suspended.statusCode()).as("analysts may not suspend: a clear 403, " + suspended.body()).isEqualTo(403);
        HttpResponse<String> withoutCascade = send("DELETE", "/engine-rest/deployment/" + deployment, "analyst", "");
        assertThat(withoutCascade.statusCode()).as(withoutCascade.body()).isEqualTo(400);
        assertThat(withoutCascade.body()).contains("running instances of hostile-timer", "cascade=true");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hostile-timer").singleResult().isSuspended())
                .as("a refused delete suspends nothing").isFalse();

        HttpResponse<String> deleted = send("DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true", "analyst", "");

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hostile-timer").count()).isZero();
        assertThat(app.bean(ManagementService.class).createJobQuery().processDefinitionKey("hostile-timer").count()).as("no job of the deleted deployment left").isZero();
        long startedBefore = app.bean(HistoryService.class).createHistoricProcessInstanceQuery().processDefinitionKey("hostile-timer").count();
        Thread.sleep(2_500); // the timer fired every second: no new start after the delete
        assertThat(app.bean(HistoryService.class).createHistoricProcessInstanceQuery().processDefinitionKey("hostile-timer").count())
                .isEqualTo(startedBefore);
    }

    private static void awaitInstances(RuntimeService runtime, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (runtime.createProcessInstanceQuery().processDefinitionKey("hostile-timer").count() < count) {
            assertThat(Instant.now()).as("the timer starts instances").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
