package io.circuitos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.Jobs;
import io.circuitos.support.SignedWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Who may do what through the REST API: authentication, task visibility per group. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    String urgentTaskId;
    String supportTaskId;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @BeforeEach
    void oneSalesTaskAndOneSupportTask() throws Exception {
        // the REST API serves the engine registered as "default" last; other test contexts of this JVM register theirs too
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        if (urgentTaskId != null) {
            return;
        }
        HttpResponse<String> started = new SignedWebhooks(base()).sendCrm(SignedWebhooks.closedLost("OPP-ACCESS-" + System.nanoTime()));
        String instanceId = JSON.readTree(started.body()).get("processInstanceId").asText();
        Jobs.runDue(managementService, instanceId);
        urgentTaskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
        Task support = taskService.newTask();
        support.setName("Answer ticket (access test)");
        taskService.saveTask(support);
        taskService.addCandidateGroup(support.getId(), Groups.SUPPORT_AGENTS);
        supportTaskId = support.getId();
    }

    @Test
    void engineRestAndApiNeedAUser() throws Exception {
        assertThat(get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        // a wrong password for a real user would lock it briefly (the engine throttles failed logins)
        assertThat(get("/engine-rest/task", "nobody", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/anything", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", "rep", "rep").statusCode()).isEqualTo(200);
    }

    @Test
    void repsSeeSalesTasksOnly() throws Exception {
        JsonNode repTasks = JSON.readTree(get("/engine-rest/task", "rep", "rep").body());
        assertThat(ids(repTasks)).contains(urgentTaskId).doesNotContain(supportTaskId);
        JsonNode agentTasks = JSON.readTree(get("/engine-rest/task", "agent", "agent").body());
        assertThat(ids(agentTasks)).contains(supportTaskId).doesNotContain(urgentTaskId);
        JsonNode adminTasks = JSON.readTree(get("/engine-rest/task", "demo", "demo").body());
        assertThat(ids(adminTasks)).contains(urgentTaskId, supportTaskId);
    }

    @Test
    void aRepCanReadTheFormVariablesAndClaimTheTask() throws Exception {
        JsonNode variables = JSON.readTree(get("/engine-rest/task/" + urgentTaskId + "/form-variables", "rep", "rep").body());
        assertThat(variables.at("/band/value").asText()).isEqualTo("urgent");
        assertThat(variables.at("/bandRule/value").asText()).contains(">= 80");
        assertThat(variables.at("/draftOrigin/value").asText()).isEqualTo("template");
        assertThat(post("/engine-rest/task/" + urgentTaskId + "/claim", "rep", "rep", "{\"userId\": \"rep\"}").statusCode())
                .isEqualTo(204);
        assertThat(post("/engine-rest/task/" + supportTaskId + "/claim", "rep", "rep", "{\"userId\": \"rep\"}").statusCode())
                .as("a rep cannot claim a support task").isIn(403, 404);
    }

    @Test
    void onlyAnalystsAndAdminsMayDeploy() throws Exception {
        assertThat(deploy("rep", "rep").statusCode()).isEqualTo(403);
        assertThat(deploy("analyst", "analyst").statusCode()).isEqualTo(200);
    }

    @Test
    void theWebappsFirstAdminSetupPageIsClosed() throws Exception {
        long users = identityService.createUserQuery().count();
        HttpResponse<String> setup = http.send(HttpRequest.newBuilder(
                        URI.create(base() + "/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"X\"},"
                                + "\"credentials\":{\"password\":\"intruder-password\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isPositive();
    }

    private HttpResponse<String> deploy(String user, String password) throws Exception {
        String boundary = "circuitos" + System.nanoTime();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="analyst-sketch" isExecutable="true" camunda:historyTimeToLive="P1D"><startEvent id="s"/></process>
                </definitions>
                """;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsketch-" + user + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sketch.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/create"))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String password, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user, password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> ids(JsonNode tasks) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
