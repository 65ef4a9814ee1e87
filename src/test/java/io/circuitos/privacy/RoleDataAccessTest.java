package io.circuitos.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.agents.lostopportunity.LostOpportunityProcess;
import io.circuitos.agents.support.SupportEscalationProcess;
import io.circuitos.identity.Groups;
import io.circuitos.support.Jobs;
import io.circuitos.support.SignedWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Walks the role → data table of docs/security.md for every group: a member of the group (and of it
 * only) calls every engine REST, Cockpit and circuitos endpoint that reads runs, on runs that hold a
 * customer's email, name and ticket text. Analysts see decisions, scores and paths and never a person;
 * reps and support agents see the person on their own tasks and trails; managers and admins see all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleDataAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELPDESK_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1oZWxwZGVzay1zZWNyZXQtMDE=";
    private static final String PROBE = "privacy-probe-run";

    // the people in the runs (SignedWebhooks.closedLost's contact, a ticket's customer, the probe's customer)
    private static final List<String> LOST_PEOPLE = List.of("dana@northwind.example", "Dana Whitfield");
    private static final List<String> SUPPORT_PEOPLE = List.of("erin.ticket@example.org", "Erin Ticketson", "invoice 4471 was charged twice");
    private static final List<String> PROBE_PEOPLE = List.of("probe.person@example.org", "Pat Probe");

    /** One row of the table: what a member of the group may read. */
    record Row(String group, Set<String> taskRuns, Set<String> trails, boolean personalData, boolean cockpit, boolean deploys) {

        @Override
        public String toString() {
            return group;
        }
    }

    private static final Set<String> ALL_RUNS = Set.of(LostOpportunityProcess.KEY, SupportEscalationProcess.KEY, PROBE);

    static Stream<Row> table() {
        return Stream.of(
                new Row(Groups.SALES_REPS, Set.of(LostOpportunityProcess.KEY, PROBE), Set.of(LostOpportunityProcess.KEY), true, false, false),
                new Row(Groups.SALES_MANAGERS, Set.of(), ALL_RUNS, true, true, false),
                new Row(Groups.SUPPORT_AGENTS, Set.of(SupportEscalationProcess.KEY), Set.of(SupportEscalationProcess.KEY), true, false, false),
                new Row(Groups.SUPPORT_LEADS, Set.of(), ALL_RUNS, true, true, false),
                new Row(Groups.MARKETING_MANAGERS, Set.of(), ALL_RUNS, true, true, false),
                new Row(Groups.ANALYSTS, Set.of(), ALL_RUNS, false, true, true),
                new Row(Groups.ADMINS, ALL_RUNS, ALL_RUNS, true, true, true));
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;

    /** process key → its run: business key, instance id, open task id. */
    private final Map<String, String[]> runs = new LinkedHashMap<>();
    private String probeDecisionId;

    @BeforeAll
    void runsWithPersonalData() throws Exception {
        ProcessEngines.registerProcessEngine(engine);
        for (String group : Groups.ALL) {
            if (identityService.createUserQuery().userId(user(group)).count() == 0) {
                User user = identityService.newUser(user(group));
                user.setPassword(password(group));
                identityService.saveUser(user);
                identityService.createMembership(user(group), group);
            }
        }
        SignedWebhooks webhooks = new SignedWebhooks(base());
        String opportunity = "OPP-PRIVACY-" + System.nanoTime();
        run(LostOpportunityProcess.KEY, opportunity, instanceId(webhooks.sendCrm(SignedWebhooks.closedLost(opportunity))));
        String ticket = "HD-PRIVACY-" + System.nanoTime();
        run(SupportEscalationProcess.KEY, ticket, instanceId(webhooks.send("helpdesk", HELPDESK_SECRET, "msg_" + UUID.randomUUID(), Instant.now(), """
                {"type": "support.ticket_created", "data": {"ticketId": "%s", "subject": "Double charge",
                 "text": "Hello, my invoice 4471 was charged twice, please refund it",
                 "customer": {"email": "erin.ticket@example.org", "name": "Erin Ticketson", "tier": "vip"}}}""".formatted(ticket))));

        repositoryService.createDeployment().name("privacy probe").addClasspathResource("privacy/privacy-probe.dmn")
                .addClasspathResource("privacy/privacy-probe.bpmn").deploy();
        String probe = "PROBE-" + System.nanoTime();
        run(PROBE, probe, runtimeService.startProcessInstanceByKey(PROBE, probe,
                Map.of("customerTier", "vip", "customerEmail", "probe.person@example.org", "customerName", "Pat Probe")).getId());
        probeDecisionId = historyService.createHistoricDecisionInstanceQuery().processInstanceId(runs.get(PROBE)[1]).singleResult().getId();
    }

    private void run(String processKey, String businessKey, String instanceId) {
        Jobs.runDue(managementService, instanceId);
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(task).as("the " + processKey + " run waits in a person's task").isNotNull();
        runs.put(processKey, new String[] {businessKey, instanceId, task.getId()});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachGroupReadsWhatTheTableSays(Row row) throws Exception {
        ProcessEngines.registerProcessEngine(engine);
        Map<String, HttpResponse<String>> answers = walk(row);

        answers.forEach((call, answer) -> assertThat(answer.statusCode()).as(row + ": " + call).isLessThan(500));
        for (String processKey : ALL_RUNS) {
            int trail = answers.get("trace " + processKey).statusCode();
            assertThat(trail).as(row + " reads the trail of " + processKey).isEqualTo(row.trails().contains(processKey) ? 200 : 403);
            assertThat(answers.get("trail page " + processKey).statusCode()).as(row + " opens the trail page of " + processKey).isEqualTo(trail);
            assertThat(answers.get("metrics " + processKey).statusCode()).as(row + " reads the metrics of " + processKey).isEqualTo(trail);
            HttpResponse<String> form = answers.get("task form-variables " + processKey);
            if (row.taskRuns().contains(processKey)) {
                assertThat(form.statusCode()).as(row + " opens the task of " + processKey).isEqualTo(200);
                assertThat(form.body()).as(row + " sees the person on the task of " + processKey).contains(people(processKey).get(0));
            } else {
                assertThat(form.statusCode()).as(row + " may not open the task of " + processKey).isIn(403, 404);
            }
            if (row.personalData() && trail == 200) {
                assertThat(answers.get("trace " + processKey).body()).doesNotContain(PersonalData.REDACTED);
                assertThat(answers.get("trail page " + processKey).body()).doesNotContain(PersonalData.REDACTED);
                assertThat(answers.get("history variables " + processKey).body()).contains(people(processKey).get(0));
            }
        }
        int deploy = row.deploys() ? 200 : 403;
        assertThat(answers.get("deployment check").statusCode()).as(row + " checks a deployment").isEqualTo(deploy);
        assertThat(answers.get("what-if").statusCode()).as(row + " replays a decision").isEqualTo(deploy);

        if (row.personalData() && row.cockpit()) {
            assertThat(answers.get("webapp history variables").body()).as(row + " sees the variables in Cockpit").contains(PROBE_PEOPLE.get(0));
        }
        if (!row.personalData()) {
            answers.forEach((call, answer) -> {
                for (String person : allPeople()) {
                    assertThat(answer.body()).as(row + " must not see " + person + " in " + call).doesNotContainIgnoringCase(person);
                }
            });
            analystsStillSeeDecisionsScoresAndPaths(answers);
        }
    }

    private void analystsStillSeeDecisionsScoresAndPaths(Map<String, HttpResponse<String>> answers) throws IOException {
        assertThat(answers.get("trace " + PROBE).body()).contains("FAST_LANE", "vip", PersonalData.REDACTED);
        assertThat(JSON.readTree(answers.get("trace " + LostOpportunityProcess.KEY).body()).path("scores").get(0).path("score").isNumber())
                .as("the score stays").isTrue();
        assertThat(JSON.readTree(answers.get("trace " + LostOpportunityProcess.KEY).body()).path("path").size()).isPositive();
        assertThat(answers.get("trail page " + PROBE).body()).contains("FAST_LANE", PersonalData.REDACTED);
        assertThat(answers.get("decision history " + PROBE).body()).contains("FAST_LANE", "vip", PersonalData.REDACTED);
        assertThat(answers.get("decision history list").body()).contains("FAST_LANE", PersonalData.REDACTED);
        assertThat(answers.get("task history").body()).contains("Call ${customerName}");
        assertThat(answers.get("what-if").body()).contains("vip", PersonalData.REDACTED);
        assertThat(JSON.readTree(answers.get("variables").body()).size()).isZero();
        assertThat(JSON.readTree(answers.get("history variables").body()).size()).isZero();
        assertThat(JSON.readTree(answers.get("history details").body()).size()).isZero();
        assertThat(answers.get("process variables " + PROBE).statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answers.get("webapp variables").body()).size()).as("Cockpit's variable tab is empty").isZero();
        assertThat(JSON.readTree(answers.get("webapp history variables").body()).size()).isZero();
        assertThat(answers.get("webapp decision " + PROBE).body()).contains("vip", PersonalData.REDACTED);
        assertThat(answers.get("webapp task history").body()).contains("Call ${customerName}");
    }

    private Map<String, HttpResponse<String>> walk(Row row) throws Exception {
        String user = user(row.group());
        String password = password(row.group());
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("variables", get("/engine-rest/variable-instance", user, password));
        answers.put("history variables", get("/engine-rest/history/variable-instance", user, password));
        answers.put("history details", get("/engine-rest/history/detail", user, password));
        answers.put("decision history list", get("/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true", user, password));
        answers.put("decision history " + PROBE, get("/engine-rest/history/decision-instance/" + probeDecisionId
                + "?includeInputs=true&includeOutputs=true", user, password));
        answers.put("task history", get("/engine-rest/history/task", user, password));
        answers.put("tasks", get("/engine-rest/task", user, password));
        answers.put("process history", get("/engine-rest/history/process-instance", user, password));
        answers.put("activity history", get("/engine-rest/history/activity-instance", user, password));
        answers.put("incident history", get("/engine-rest/history/incident", user, password));
        answers.put("identity link history", get("/engine-rest/history/identity-link-log", user, password));
        for (Map.Entry<String, String[]> run : runs.entrySet()) {
            String key = run.getKey();
            String businessKey = run.getValue()[0];
            String instance = run.getValue()[1];
            String task = run.getValue()[2];
            answers.put("history variables " + key, get("/engine-rest/history/variable-instance?processInstanceId=" + instance, user, password));
            answers.put("history details " + key, get("/engine-rest/history/detail?processInstanceId=" + instance, user, password));
            answers.put("process variables " + key, get("/engine-rest/process-instance/" + instance + "/variables", user, password));
            answers.put("execution variables " + key, get("/engine-rest/execution/" + instance + "/localVariables", user, password));
            answers.put("task variables " + key, get("/engine-rest/task/" + task + "/variables", user, password));
            answers.put("task form-variables " + key, get("/engine-rest/task/" + task + "/form-variables", user, password));
            answers.put("task " + key, get("/engine-rest/task/" + task, user, password));
            answers.put("trace " + key, get("/api/agents/" + key + "/runs/" + businessKey + "/trace", user, password));
            answers.put("metrics " + key, get("/api/agents/" + key + "/metrics", user, password));
        }
        answers.put("autonomy", get("/api/agents/autonomy", user, password));
        answers.put("what-if", multipart("/api/decisions/privacy-probe/what-if", user, password,
                resource("privacy/privacy-probe.dmn").replace("FAST_LANE", "SLOW_LANE")));
        answers.put("deployment check", multipart("/api/deployments/check", user, password, resource("privacy/privacy-probe.dmn")));
        answers.putAll(webapps(row, user, password));
        return answers;
    }

    /**
     * Signed in to Cockpit (or Tasklist, for who has no Cockpit): the trail page the forms link to and the
     * webapps' copy of the engine REST API, which Cockpit's variable and decision views read.
     */
    private Map<String, HttpResponse<String>> webapps(Row row, String user, String password) throws Exception {
        String app = row.cockpit() ? "cockpit" : "tasklist";
        serveThisEngine();
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/" + app + "/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName())).map(HttpCookie::getValue)
                .findFirst().orElse("");
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(user + " signs in to " + app + ": " + login.body()).isEqualTo(200);
        String api = "/camunda/api/engine/engine/default";
        String probe = runs.get(PROBE)[1];
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> run : runs.entrySet()) {
            answers.put("trail page " + run.getKey(), browserGet(browser, "/trace/" + run.getKey() + "/" + run.getValue()[0], "text/html"));
        }
        answers.put("webapp variables", browserGet(browser, api + "/variable-instance?processInstanceIdIn=" + String.join(",",
                runs.values().stream().map(r -> r[1]).toList())));
        answers.put("webapp history variables", browserGet(browser, api + "/history/variable-instance?processInstanceId=" + probe));
        answers.put("webapp decision " + PROBE, browserGet(browser, api + "/history/decision-instance/" + probeDecisionId
                + "?includeInputs=true&includeOutputs=true&disableBinaryFetching=true&disableCustomObjectDeserialization=true"));
        answers.put("webapp task history", browserGet(browser, api + "/history/task?processInstanceId=" + probe));
        return answers;
    }

    private HttpResponse<String> browserGet(HttpClient browser, String path) throws Exception {
        return browserGet(browser, path, "application/json");
    }

    private HttpResponse<String> browserGet(HttpClient browser, String path, String accept) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> people(String processKey) {
        return switch (processKey) {
            case LostOpportunityProcess.KEY -> LOST_PEOPLE;
            case SupportEscalationProcess.KEY -> SUPPORT_PEOPLE;
            default -> PROBE_PEOPLE;
        };
    }

    private static List<String> allPeople() {
        List<String> people = new ArrayList<>(LOST_PEOPLE);
        people.addAll(SUPPORT_PEOPLE);
        people.addAll(PROBE_PEOPLE);
        return people;
    }

    private static String instanceId(HttpResponse<String> started) throws IOException {
        assertThat(started.statusCode()).as(started.body()).isBetween(200, 299);
        return JSON.readTree(started.body()).get("processInstanceId").asText();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user, password))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String path, String user, String password, String dmn) throws Exception {
        String boundary = "privacy" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"privacy-probe.dmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user, password))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String resource(String name) {
        try (InputStream in = RoleDataAccessTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String user(String group) {
        return "privacy" + group.replace("-", ""); // user ids are letters and digits only
    }

    private static String password(String group) {
        return "privacy-password-" + group;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The webapps find the engine "default" through the process engine registry and the runtime container; a test
     * context started (or refused) earlier in this JVM may have left its own there.
     */
    private void serveThisEngine() {
        ProcessEngines.registerProcessEngine(engine);
        org.camunda.bpm.container.RuntimeContainerDelegate container = org.camunda.bpm.container.RuntimeContainerDelegate.INSTANCE.get();
        ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
        if (registered != engine) {
            if (registered != null) {
                container.unregisterProcessEngine(registered);
            }
            container.registerProcessEngine(engine);
        }
    }
}
