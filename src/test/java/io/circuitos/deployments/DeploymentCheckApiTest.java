package io.circuitos.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.RunningApp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/deployments/check}: the guard's and the contract's verdict on files, with nothing deployed. */
class DeploymentCheckApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start("jdbc:h2:mem:check-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", false);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theShippedAgentPasses() throws Exception {
        long deployments = app.bean(RepositoryService.class).createDeploymentQuery().count();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("lost-opportunity.bpmn", ShippedAgents.processes().get("processes/lost-opportunity.bpmn"));
        files.put("lost-opportunity-band.dmn", ShippedAgents.decisions().get("decisions/lost-opportunity-band.dmn"));
        HttpResponse<String> response = check("analyst", files);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verdict = JSON.readTree(response.body());
        assertThat(verdict.get("ok").asBoolean()).as(response.body()).isTrue();
        assertThat(verdict.get("guard")).isEmpty();
        assertThat(verdict.get("contract")).isEmpty();
        assertThat(app.bean(RepositoryService.class).createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
    }

    @Test
    void aScriptTaskIsRefusedByTheGuardNamingTheElement() throws Exception {
        String bpmn = process("<scriptTask id=\"Hack\" scriptFormat=\"groovy\"><script>System.exit(0)</script></scriptTask>");
        JsonNode verdict = JSON.readTree(check("analyst", Map.of("hack.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))).body());

        assertThat(verdict.get("ok").asBoolean()).isFalse();
        assertThat(verdict.at("/guard/0/resource").asText()).isEqualTo("hack.bpmn");
        assertThat(verdict.at("/guard/0/problems/0/mainElementId").asText()).isEqualTo("Hack");
        assertThat(verdict.at("/guard/0/problems/0/message").asText()).contains("script tasks are not allowed");
    }

    @Test
    void aDraftWhoseBudgetErrorNothingCatchesIsAContractProblem() throws Exception {
        String bpmn = process("<serviceTask id=\"Draft\" camunda:delegateExpression=\"${llmDraft}\"><extensionElements><camunda:inputOutput>"
                + "<camunda:inputParameter name=\"templateId\">lost-opportunity-reengagement</camunda:inputParameter>"
                + "<camunda:inputParameter name=\"fallbackTemplateId\">lost-opportunity-reengagement</camunda:inputParameter>"
                + "</camunda:inputOutput></extensionElements></serviceTask>");
        JsonNode verdict = JSON.readTree(check("analyst", Map.of("draft.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))).body());

        assertThat(verdict.get("ok").asBoolean()).isFalse();
        assertThat(verdict.get("guard")).isEmpty();
        assertThat(verdict.get("contract").toString()).contains("Draft")
                .contains("can raise BPMN error llm-budget-exceeded and nothing catches it");
    }

    @Test
    void aDecisionFileTheGuardAcceptsButTheEngineCannotReadIsAProblemNotAFailure() throws Exception {
        String dmn = "<?xml version=\"1.0\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" "
                + "namespace=\"x\"><decision id=\"weird\" name=\"w\"><decisionTable id=\"t\"><input id=\"i\"><inputExpression id=\"ie\">"
                + "<text>a</text></inputExpression></input><output id=\"o\" name=\"o\"/><rule id=\"r\"><inputEntry id=\"e\"><text>1</text>"
                + "</inputEntry></rule></decisionTable></decision></definitions>";
        HttpResponse<String> response = check("analyst", Map.of("weird.dmn", dmn.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verdict = JSON.readTree(response.body());
        assertThat(verdict.get("ok").asBoolean()).isFalse();
        assertThat(verdict.at("/contract/0/resource").asText()).isEqualTo("weird.dmn");
        assertThat(verdict.at("/contract/0/problem").asText()).startsWith("not a DMN model the engine can read");
    }

    @Test
    void onlyAnalystsAndAdminsMayCheckAndAFileIsRequired() throws Exception {
        assertThat(check("rep", Map.of("x.bpmn", new byte[] {1})).statusCode()).isEqualTo(403);
        HttpResponse<String> empty = check("analyst", Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("field").asText()).isEqualTo("file");
    }

    private static String process(String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" \
                targetNamespace="check">
                  <process id="checked" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Start"/>
                    <sequenceFlow id="f1" sourceRef="Start" targetRef="%s"/>
                    %s
                    <sequenceFlow id="f2" sourceRef="%s" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>
                """.formatted(task.contains("Hack") ? "Hack" : "Draft", task, task.contains("Hack") ? "Hack" : "Draft");
    }

    private static HttpResponse<String> check(String user, Map<String, byte[]> files) throws Exception {
        String boundary = "check" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + (files.isEmpty() ? "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary : "")
                + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/deployments/check"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
