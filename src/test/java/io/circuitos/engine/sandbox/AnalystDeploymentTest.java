package io.circuitos.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Deployments by the {@code analysts} group through the engine's REST API, as Camunda Modeler makes
 * them: hostile ones are refused with the engine's parse-error answer and leave nothing behind; the
 * shipped agents and realistic edits deploy and run; the run-time sandbox stops what the trusted path let in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalystDeploymentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    DecisionService decisions;
    @Autowired
    IdentityService identity;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    static Stream<HostileCorpus> corpus() {
        return HostileCorpus.all();
    }

    @org.junit.jupiter.api.BeforeEach
    void restServesThisEngine() {
        // the REST API serves the engine registered as "default" last; other test contexts of this JVM register theirs too
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileDeploymentIsRefusedWithTheEnginesParseErrorNamingTheElementAndNothingIsStored(HostileCorpus hostile) throws Exception {
        long[] before = storedCounts();

        HttpResponse<String> answer = deploy("analyst", Map.of(hostile.file(), hostile.content()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        assertThat(body.at("/details/" + hostile.file().replace("~", "~0").replace("/", "~1") + "/errors")).anySatisfy(error -> {
            assertThat(error.path("message").asText()).contains(hostile.words());
            if (hostile.elementId() != null) {
                assertThat(error.path("mainElementId").asText()).isEqualTo(hostile.elementId());
            }
        });
        assertThat(storedCounts()).as("deployments, process and decision definitions, jobs").containsExactly(before);
    }

    @Test
    void anHtmlPageDisguisedAsAnImageCannotBecomeAnAdminsTaskForm() throws Exception {
        long[] before = storedCounts();
        Map<String, byte[]> attack = new LinkedHashMap<>();
        attack.put("review.png", HostileCorpus.all().filter(h -> h.file().equals("html-as-image.png")).findFirst().orElseThrow().content());
        attack.put("review.bpmn", HostileCorpus.all().filter(h -> h.file().equals("embedded-deployment-form-key.bpmn")).findFirst().orElseThrow().content());

        HttpResponse<String> answer = deploy("analyst", attack);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("is not a PNG image", "camunda:formKey 'embedded:deployment:review.png' is not allowed", "Review");
        assertThat(storedCounts()).containsExactly(before);
        assertThat(identity.createUserQuery().memberOfGroup("admins").userId("analyst").count()).isZero();
    }

    @Test
    void anUploadOverTheDeploymentLimitIsRefusedBeforeItIsRead() throws Exception {
        long[] before = storedCounts();

        HttpResponse<String> answer = deploy("analyst", Map.of("huge.bpmn", new byte[9 * 1024 * 1024]));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).path("message").asText()).contains("circuitos.deployments.limits.max-deployment-bytes");
        assertThat(storedCounts()).containsExactly(before);
    }

    @Test
    void adminsAreGuardedToo() throws Exception {
        HostileCorpus scriptTask = HostileCorpus.all().filter(h -> h.file().equals("script-task.bpmn")).findFirst().orElseThrow();
        assertThat(deploy("demo", Map.of(scriptTask.file(), scriptTask.content())).statusCode()).isEqualTo(400);
    }

    @Test
    void redeployingAnOldHostileDeploymentIsRefusedToo() throws Exception {
        HostileCorpus classDelegate = HostileCorpus.all().filter(h -> h.file().equals("class-delegate.bpmn")).findFirst().orElseThrow();
        String id = repository.createDeployment().addInputStream(classDelegate.file(), new java.io.ByteArrayInputStream(classDelegate.content()))
                .deploy().getId();
        long[] before = storedCounts();

        HttpResponse<String> answer = post("/engine-rest/deployment/" + id + "/redeploy", "analyst", "{}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("RunClass", "camunda:class is not allowed");
        assertThat(storedCounts()).containsExactly(before);
    }

    @Test
    void theJavaApiUnderAnAnalystsAuthenticationIsGuarded() {
        HostileCorpus scriptTask = HostileCorpus.all().filter(h -> h.file().equals("script-task.bpmn")).findFirst().orElseThrow();
        identity.setAuthentication("analyst", List.of("analysts"));
        try {
            assertThatThrownBy(() -> repository.createDeployment()
                    .addInputStream(scriptTask.file(), new java.io.ByteArrayInputStream(scriptTask.content())).deploy())
                    .isInstanceOf(DeploymentRefusedException.class).hasMessageContaining("script tasks are not allowed");
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void storedQueriesWithExpressionsAreForAdminsAndAdHocQueryExpressionsAreOff() throws Exception {
        HttpResponse<String> filter = post("/engine-rest/filter/create", "analyst",
                "{\"resourceType\": \"Task\", \"name\": \"mine\", \"query\": {\"assigneeExpression\": \"${currentUser()}\"}}");
        assertThat(filter.statusCode()).as(filter.body()).isEqualTo(403);

        HttpResponse<String> adHoc = http.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task?assigneeExpression="
                        + java.net.URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8)))
                .header("Authorization", basic("analyst")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(adHoc.statusCode()).as(adHoc.body()).isEqualTo(400);
    }

    @Test
    void everyShippedBpmnDmnAndFormDeploysThroughRestAsAnAnalyst() throws Exception {
        HttpResponse<String> answer = deploy("analyst", ShippedResourcesPassTheGuardTest.shippedResources());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("deployedProcessDefinitions").size()).isEqualTo(5);
        assertThat(body.path("deployedDecisionDefinitions").size()).isEqualTo(9);
    }

    @Test
    void aMovedThresholdInTheBandTableDeploysAndDecides() throws Exception {
        String dmn = Files.readString(Path.of("decisions/lost-opportunity-band.dmn"));
        assertThat(dmn).contains("&gt;= 80");
        HttpResponse<String> answer = deploy("analyst", Map.of("lost-opportunity-band.dmn", dmn.replace("&gt;= 80", "&gt;= 75").replace("[60..80[", "[60..75[").getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        HttpResponse<String> evaluated = post("/engine-rest/decision-definition/key/lost-opportunity-band/evaluate", "analyst",
                "{\"variables\": {\"reactivationScore\": {\"value\": 77, \"type\": \"Integer\"}}}");

        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
        assertThat(JSON.readTree(evaluated.body()).at("/0/band/value").asText()).isEqualTo("urgent");
    }

    @Test
    void aNewInputWithDashesInTheExistingRulesDeploysAndDecides() throws Exception {
        String dmn = Files.readString(Path.of("decisions/lost-opportunity-band.dmn"));
        String withInput = dmn.replaceFirst("(</input>)", "$1\n      <input id=\"Input_LossReason\" label=\"Loss reason\">"
                        + "<inputExpression id=\"InputExpression_LossReason\" typeRef=\"string\"><text>lossReason</text></inputExpression></input>")
                .replaceAll("(<inputEntry id=\"(rule-[a-z]+)-score\"><text>[^<]*</text></inputEntry>)",
                        "$1<inputEntry id=\"$2_LossReason\"><text>-</text></inputEntry>");
        assertThat(withInput).contains("_LossReason\"><text>-</text>");
        assertThat(deploy("analyst", Map.of("lost-opportunity-band.dmn", withInput.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);

        Map<String, Object> result = decisions.evaluateDecisionTableByKey("lost-opportunity-band",
                Variables.createVariables().putValue("reactivationScore", 85).putValue("lossReason", "price")).getSingleResult().getEntryMap();

        assertThat(result).containsEntry("band", "urgent");
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("lost-opportunity-band").latestVersion().singleResult()
                .getVersion()).isGreaterThan(1);
    }

    @Test
    void anAnalystsNewProcessWithAScoringTaskAndAUserTaskDeploysAndRuns() throws Exception {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="analyst-scored-call" isExecutable="true" camunda:historyTimeToLive="P7D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:serviceTask id="Score" name="Score" camunda:delegateExpression="${scoreWithModel}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:inputParameter name="modelName">lost-opportunity-reactivation</camunda:inputParameter>
                        <camunda:outputParameter name="reactivationScore">${score}</camunda:outputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:userTask id="Call" name="Call ${company} (score ${reactivationScore})" camunda:candidateGroups="${reactivationScore >= 0 ? 'sales-reps' : 'sales-managers'}"
                        camunda:dueDate="${dateTime().plusDays(1).toDate()}" camunda:priority="${reactivationScore >= 80 ? 90 : 50}" />
                    <bpmn:endEvent id="End" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Score" />
                    <bpmn:sequenceFlow id="F2" sourceRef="Score" targetRef="Call" />
                    <bpmn:sequenceFlow id="F3" sourceRef="Call" targetRef="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        HttpResponse<String> answer = deploy("analyst", Map.of("analyst-scored-call.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        ProcessInstance instance = runtime.startProcessInstanceByKey("analyst-scored-call", Map.of("company", "Acme Gyms", "age", 41));

        Task call = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(call.getName()).startsWith("Call Acme Gyms (score ");
        assertThat(call.getDueDate()).isAfter(new java.util.Date());
        assertThat(tasks.getIdentityLinksForTask(call.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("sales-reps"));
        assertThat(runtime.getVariable(instance.getId(), "reactivationScore")).isInstanceOf(Number.class);
    }

    @Test
    void aHostileExpressionThatCameInByTheTrustedPathFailsAsAnIncidentAndReachesNothing() {
        long members = identity.createUserQuery().memberOfGroup("camunda-admin").count();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="trusted-but-hostile" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:serviceTask id="Escalate" camunda:asyncBefore="true" camunda:expression="${EXPRESSION}" camunda:resultVariable="loot">
                      <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R1/PT1S</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:endEvent id="End" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Escalate" />
                    <bpmn:sequenceFlow id="F2" sourceRef="Escalate" targetRef="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        for (String expression : List.of(
                "identityService.createMembership('analyst', 'camunda-admin')",
                "execution.getProcessEngineServices().getIdentityService().createMembership('analyst', 'camunda-admin')",
                "execution.processEngineServices.identityService",
                "jdbcTemplate.queryForList('select PWD_ from ACT_ID_USER')",
                "''.getClass().forName('java.lang.Runtime')",
                "S('{}').mapTo('java.util.ArrayList')")) {
            repository.createDeployment().addString("trusted-but-hostile.bpmn", bpmn.replace("EXPRESSION", expression)).deploy();
            ProcessInstance instance = runtime.startProcessInstanceByKey("trusted-but-hostile");
            Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

            assertThatThrownBy(() -> management.executeJob(job.getId())).as(expression).isInstanceOf(Exception.class);

            assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).as(expression).isEqualTo(1);
            assertThat(runtime.getVariable(instance.getId(), "loot")).as(expression).isNull();
        }
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(members);
    }

    @Test
    void aJuelDecisionThatCameInByTheTrustedPathCannotCallMethodsWhenEvaluatedOverRest() throws Exception {
        String dmn = new String(HostileCorpus.all().filter(h -> h.file().equals("juel-input.dmn")).findFirst().orElseThrow().content(),
                StandardCharsets.UTF_8).replace("${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
                "${''.getClass().getName()}");
        repository.createDeployment().addString("juel-input.dmn", dmn).deploy();

        HttpResponse<String> evaluated = post("/engine-rest/decision-definition/key/hostile-juel-input/evaluate", "analyst", "{\"variables\": {}}");

        assertThat(evaluated.statusCode()).isNotEqualTo(200);
        assertThat(evaluated.body()).doesNotContain("java.lang.String");
        assertThatThrownBy(() -> decisions.evaluateDecisionTableByKey("hostile-juel-input", Variables.createVariables()))
                .hasStackTraceContaining("circuitos expression sandbox: method 'getClass' may not be called");
    }

    @Test
    void feelExternalFunctionsStayDisabledForDecisionsThatCameInByTheTrustedPath() {
        HostileCorpus external = HostileCorpus.all().filter(h -> h.file().equals("feel-external-function.dmn")).findFirst().orElseThrow();
        repository.createDeployment().addInputStream(external.file(), new java.io.ByteArrayInputStream(external.content())).deploy();

        assertThatThrownBy(() -> decisions.evaluateDecisionByKey("hostile-feel-external-function").evaluate())
                .hasStackTraceContaining("External functions are disabled");
    }

    private long[] storedCounts() {
        return new long[] {repository.createDeploymentQuery().count(), repository.createProcessDefinitionQuery().count(),
                repository.createDecisionDefinitionQuery().count(), management.createJobQuery().count()};
    }

    private HttpResponse<String> deploy(String user, Map<String, byte[]> resources) throws Exception {
        String boundary = "circuitos" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, byte[]> parts = new LinkedHashMap<>(resources);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nanalyst-test\r\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\"" + part.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(part.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/create"))
                .header("Authorization", basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
