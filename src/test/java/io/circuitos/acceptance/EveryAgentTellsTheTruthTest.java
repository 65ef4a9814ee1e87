package io.circuitos.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.deployments.AgentCatalog;
import io.circuitos.deployments.ShippedAgents;
import io.circuitos.engine.RunPayload;
import io.circuitos.intake.PayloadMapper;
import io.circuitos.intake.Route;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.intake.StartTiming;
import io.circuitos.intake.WebhookProperties;
import io.circuitos.privacy.PersonalData;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.SignedWebhooks;
import io.circuitos.tasks.AppendMessageTask;
import io.circuitos.tasks.Conversation;
import io.circuitos.web.HtmlPage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every read surface tells the truth about every agent of the catalogue (a new agent in
 * {@code processes/} is covered without touching this test): on the running application with the
 * demo events of the embedded default, a fresh signed webhook run sent twice (a second run, or the
 * same run continued by the message), timers fired by moving the engine's clock and an incident,
 * each run's trail (JSON and page), the form links of its open handoffs, the audit metrics and the
 * autonomy view are read by every demo user whose groups may read the agent's runs
 * ({@code circuitos.identity.run-readers} and the groups that read every agent) and refused to one
 * who may not. {@code EveryAgentTellsTheTruthOnPostgresTest} runs the same on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"circuitos.demo-data.enabled=true", "circuitos.llm.model=fake-model"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryAgentTellsTheTruthTest {

    /** Groups that read every agent's runs besides {@code circuitos.identity.run-readers} (docs/audit.md). */
    private static final Set<String> READ_EVERY_AGENT = Set.of("admins", "analysts", "sales-managers", "support-leads", "marketing-managers");
    private static final Pattern TRAIL_LINK = Pattern.compile("(?:\\]\\(|href=\")(/trace/[^)\"\\s]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final FakeOllama OLLAMA = fakeOllama();

    @LocalServerPort
    int port;
    @Autowired
    WebhookProperties webhooks;
    @Autowired
    RouteCatalogue routes;
    @Autowired
    Environment environment;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    FormService formService;

    /** agent → the intake's answers to its fresh webhook sent twice. */
    private final Map<String, List<JsonNode>> fresh = new LinkedHashMap<>();
    /** agent → the fresh event it was sent and the route that took it. */
    private final Map<String, Map.Entry<Route, JsonNode>> freshEvents = new LinkedHashMap<>();
    private final String suiteRun = UUID.randomUUID().toString();
    /** agent → the message of the incident raised on one of its runs. */
    private final Map<String, String> incidents = new LinkedHashMap<>();

    @DynamicPropertySource
    static void fakeModel(DynamicPropertyRegistry registry) {
        registry.add("circuitos.llm.base-url", OLLAMA::baseUrl);
    }

    /** The agents of the catalogue: every executable process shipped in {@code processes/}. */
    static Stream<String> agents() {
        return ShippedAgents.processes().values().stream().map(EveryAgentTellsTheTruthTest::model)
                .flatMap(model -> model.getModelElementsByType(Process.class).stream()).filter(Process::isExecutable).map(Process::getId);
    }

    @BeforeAll
    void runEveryAgent() throws Exception {
        settle(); // the demo events, fed at start
        for (String agent : agents().toList()) {
            fresh.put(agent, sendFreshRunTwice(agent));
        }
        settle();
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(Duration.ofDays(8)))); // past the agents' SLA, follow-up and quiet timers
        try {
            settle();
        } finally {
            ClockUtil.reset();
        }
        for (String agent : agents().toList()) {
            // an execution waiting in an activity (a task or a timer) of one of the agent's runs
            Stream.concat(tasks.createTaskQuery().processDefinitionKey(agent).list().stream().map(Task::getExecutionId),
                    management.createJobQuery().processDefinitionKey(agent).timers().list().stream().map(Job::getExecutionId))
                    .filter(java.util.Objects::nonNull).findFirst().ifPresent(execution -> {
                        String message = "acceptance: an incident the trail of " + agent + " must show";
                        runtime.createIncident("acceptance", execution, incidentConfiguration(agent), message);
                        incidents.put(agent, message);
                    });
        }
    }

    /** Unique to this run of the suite: a PostgreSQL database kept from an earlier run still holds that run's incidents. */
    private String incidentConfiguration(String agent) {
        return "acceptance-" + agent + "-" + suiteRun;
    }

    @AfterAll
    void stop() {
        OLLAMA.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agents")
    void everyReadSurfaceTellsTheTruthAboutThisAgent(String agent) throws Exception {
        Map<String, String> users = demoUsersByReading(agent);
        List<String> readers = users.entrySet().stream().filter(u -> u.getValue().equals("reads")).map(Map.Entry::getKey).toList();
        List<String> others = users.entrySet().stream().filter(u -> u.getValue().equals("may not")).map(Map.Entry::getKey).toList();
        assertThat(readers).as("demo users who may read %s", agent).isNotEmpty();
        assertThat(others).as("demo users who may not read %s", agent).isNotEmpty();

        List<HistoricProcessInstance> runs = history.createHistoricProcessInstanceQuery().processDefinitionKey(agent).list();
        Set<String> businessKeys = new HashSet<>();
        runs.forEach(run -> businessKeys.add(run.getBusinessKey()));
        assertThat(runs).as("demo and fresh runs of %s", agent).hasSizeGreaterThanOrEqualTo(2);
        Set<String> elements = elementIds(agent);
        AgentCatalog catalog = ShippedAgents.catalog(routes);

        for (String businessKey : businessKeys) {
            for (String reader : readers) {
                JsonNode trail = trail(agent, businessKey, reader);
                assertTrail(agent, businessKey, trail, elements, catalog);
                if (trail.has("runs")) {
                    for (JsonNode run : trail.get("runs")) {
                        assertTrail(agent, businessKey, run, elements, catalog);
                    }
                }
                assertPage(agent, businessKey, reader, trail);
            }
            for (String other : others) {
                assertThat(get("/api/agents/" + agent + "/runs/" + url(businessKey) + "/trace", other).statusCode()).isEqualTo(403);
                assertThat(get("/trace/" + agent + "/" + url(businessKey), other).statusCode()).isEqualTo(403);
            }
        }
        assertFreshRuns(agent, readers.get(0));
        assertStartFields(agent);
        if (incidents.containsKey(agent)) {
            assertIncidentShown(agent, readers.get(0));
        }
        assertFormLinks(agent, readers);
        assertMetrics(agent, readers, others, (int) history.createHistoricProcessInstanceQuery().processDefinitionKey(agent)
                .startedAfter(java.util.Date.from(Instant.now().minus(Duration.ofDays(30)))).count());
        assertAutonomy(agent, readers, others);
    }

    /** Every reader gets the autonomy view; its corrections are those of the self-correcting agents they may read. */
    private void assertAutonomy(String agent, List<String> readers, List<String> others) throws Exception {
        for (String reader : readers) {
            HttpResponse<String> all = get("/api/agents/autonomy?days=30", reader);
            assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
            boolean readsWinBack = demoUsersByReading("win-back").get(reader).equals("reads");
            assertThat(JSON.readTree(all.body()).get("agents")).extracting(JsonNode::asText)
                    .isEqualTo(readsWinBack ? List.of("win-back") : List.of());
            HttpResponse<String> one = get("/api/agents/autonomy?days=30&agent=" + agent, reader);
            assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
            if (!agent.equals("win-back")) {
                assertThat(JSON.readTree(one.body()).get("rotations")).isEmpty();
            }
        }
        for (String other : others) {
            assertThat(get("/api/agents/autonomy?days=30&agent=" + agent, other).statusCode()).isEqualTo(403);
        }
    }

    /** The intake's answers to the fresh event sent twice show in the trail: two runs, or one run with both deliveries. */
    private void assertFreshRuns(String agent, String reader) throws Exception {
        List<JsonNode> answers = fresh.get(agent);
        String businessKey = answers.get(0).get("businessKey").asText();
        JsonNode trail = trail(agent, businessKey, reader);
        String first = answers.get(0).get("processInstanceId").asText();
        String second = answers.get(1).get("processInstanceId").asText();
        (trail.has("runs") ? stream(trail.get("runs")) : java.util.stream.Stream.of(trail)).flatMap(r -> stream(r.at("/messages/inbound")))
                .filter(d -> routes.route(d.get("eventType").asText()).orElseThrow().startTiming() == StartTiming.QUEUED)
                .forEach(d -> assertThat(d.get("started").isNull()).as("the trail of %s shows when %s started", businessKey, d).isFalse());
        if (first.equals(second)) { // continued by its message
            assertThat(trail.at("/run/instanceId").asText()).isEqualTo(first);
            assertThat(trail.at("/messages/inbound")).as("both deliveries of %s", businessKey).hasSizeGreaterThanOrEqualTo(2);
        } else {
            assertThat(trail.get("runs")).extracting(r -> r.at("/run/instanceId").asText()).containsExactly(second, first);
        }
    }

    /**
     * The fresh run keeps its start's fields as the application means to: a run started by key holds the non-personal
     * ones in its payload and the personal ones as variables of their own; a message start keeps them all as variables.
     */
    private void assertStartFields(String agent) {
        Route route = freshEvents.get(agent).getKey();
        Map<String, Object> mapped = PayloadMapper.variables(route, freshEvents.get(agent).getValue());
        String instanceId = fresh.get(agent).get(0).get("processInstanceId").asText();
        Map<String, Object> started = new LinkedHashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list().stream()
                .filter(v -> instanceId.equals(v.getActivityInstanceId())).forEach(v -> started.put(v.getName(), v.getValue()));
        Set<String> personal = new HashSet<>(route.fields().stream().filter(f -> f.personal()).map(f -> f.name()).toList());
        Map<String, Object> payloadFields = new LinkedHashMap<>(mapped);
        payloadFields.keySet().removeAll(personal);
        if (route.message() != null || payloadFields.size() < 2) {
            assertThat(started).as("%s started by its message keeps its fields as variables", agent).doesNotContainKey(RunPayload.VARIABLE);
            return;
        }
        assertThat(RunPayload.fields(started.get(RunPayload.VARIABLE))).as("the payload of %s's fresh run", agent).isEqualTo(payloadFields);
        mapped.keySet().stream().filter(personal::contains)
                .forEach(name -> assertThat(started).as("personal field %s of %s", name, agent).containsEntry(name, mapped.get(name)));
    }

    private void assertIncidentShown(String agent, String reader) throws Exception {
        String instanceId = runtime.createIncidentQuery().incidentType("acceptance").configuration(incidentConfiguration(agent)).singleResult()
                .getProcessInstanceId();
        String businessKey = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
        JsonNode trail = trail(agent, businessKey, reader);
        List<JsonNode> all = new ArrayList<>();
        (trail.has("runs") ? trail.get("runs") : JSON.createArrayNode().add(trail)).forEach(all::add);
        assertThat(all.stream().filter(r -> r.at("/run/instanceId").asText().equals(instanceId)).flatMap(r -> stream(r.get("incidents")))
                .map(i -> i.get("message").asText())).contains(incidents.get(agent));
        assertThat(get("/trace/" + agent + "/" + url(businessKey) + "?run=" + instanceId, reader).body()).contains(incidents.get(agent));
    }

    private void assertTrail(String agent, String businessKey, JsonNode trail, Set<String> elements, AgentCatalog catalog) {
        String instanceId = trail.at("/run/instanceId").asText();
        assertThat(trail.at("/run/processKey").asText()).isEqualTo(agent);
        assertThat(trail.at("/run/businessKey").asText()).isEqualTo(businessKey);
        List<String> path = stream(trail.get("path")).map(step -> step.get("activityId").asText()).toList();
        assertThat(path).as("the path of %s %s", agent, businessKey).isNotEmpty();
        assertThat(elements).as("the path of %s %s is made of its activities", agent, businessKey).containsAll(
                path.stream().map(id -> id.replace("#multiInstanceBody", "")).toList());
        assertThat(path).as("the path starts with a start event").first().isIn(startEvents(agent));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(path.size());

        List<JsonNode> decisions = stream(trail.get("decisions")).toList();
        assertThat(decisions).hasSize((int) history.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).count());
        for (JsonNode decision : decisions) {
            assertThat(catalog.decisions()).containsKey(decision.get("decisionKey").asText());
            if (!decision.get("outputs").isEmpty()) {
                assertThat(decision.get("matchedRules")).as("%s in %s", decision.get("decisionKey"), businessKey).isNotEmpty();
                decision.get("matchedRules").forEach(rule -> assertThat(rule.get("rule").asText()).contains("→"));
            }
        }
        for (JsonNode score : trail.get("scores")) {
            assertThat(catalog.models()).containsKey(score.get("modelName").asText());
            assertThat(score.get("modelVersion").asText()).startsWith(score.get("modelName").asText() + " ").hasSizeGreaterThan(
                    score.get("modelName").asText().length() + 1);
        }
        assertThat(trail.toString()).as("no value of %s %s failed to read", agent, businessKey).doesNotContain("Object is not deserialized");
        assertConversation(instanceId, trail);
        assertLlmSteps(agent, businessKey, trail);
        for (JsonNode delivery : trail.at("/messages/inbound")) {
            if (!delivery.get("started").isNull()) { // from the inbox (the demo's events start in their call)
                assertThat(routes.route(delivery.get("eventType").asText()).orElseThrow().startTiming()).as("the route of %s", delivery)
                        .isEqualTo(StartTiming.QUEUED);
                assertThat(delivery.get("waitMillis").asLong()).as("the wait of %s", delivery).isGreaterThanOrEqualTo(0);
            }
        }
        for (JsonNode webhook : trail.at("/messages/webhooks")) {
            assertThat(webhook.get("activityId").isNull()).as("webhook %s of %s %s names the task that sent it", webhook, agent, businessKey).isFalse();
            if (!webhook.get("delivered").asBoolean()) {
                assertThat(webhook.get("notSentReason").asText("")).as("why webhook %s of %s %s was not sent", webhook, agent, businessKey)
                        .isNotBlank();
            }
        }
    }

    /**
     * An LLM call the trail says a model wrote ends with the model call whose answer passed the guard, from the provider it names;
     * every tool step names a tool of the catalogue, or says it was refused.
     */
    private static void assertLlmSteps(String agent, String businessKey, JsonNode trail) {
        for (JsonNode call : trail.get("llmCalls")) {
            List<JsonNode> steps = stream(call.get("steps")).toList();
            if ("llm".equals(call.get("origin").asText())) {
                assertThat(steps).as("the model calls of %s in %s %s", call.get("activityId"), agent, businessKey).isNotEmpty();
                JsonNode last = steps.get(steps.size() - 1);
                assertThat(last.get("kind").asText()).isEqualTo("model");
                assertThat(last.get("outcome").asText()).startsWith("guard passed");
                assertThat(call.get("provider").asText()).isEqualTo(last.get("provider").asText());
            }
            steps.stream().filter(step -> "tool".equals(step.get("kind").asText())).forEach(step -> assertThat(
                    io.circuitos.tasks.TaskCatalogue.shipped().isTool(step.get("tool").asText()) || "refused".equals(step.get("outcome").asText()))
                    .as("tool step %s of %s %s", step, agent, businessKey).isTrue());
        }
    }

    /** A run that keeps a conversation shows every message of it, in order, with its author (the text, unless the reader may not see it). */
    private void assertConversation(String instanceId, JsonNode trail) {
        List<Conversation.Message> kept = history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(AppendMessageTask.MESSAGES.name()).list().stream().filter(v -> instanceId.equals(v.getActivityInstanceId()))
                .findFirst().map(v -> Conversation.parse(v.getValue())).orElse(List.of());
        List<JsonNode> shown = stream(trail.at("/messages/conversation")).toList();
        assertThat(shown).extracting(m -> m.get("author").asText()).containsExactlyElementsOf(kept.stream().map(Conversation.Message::author).toList());
        for (int i = 0; i < kept.size(); i++) {
            assertThat(shown.get(i).get("text").asText()).isIn(kept.get(i).text(), PersonalData.REDACTED);
            assertThat(shown.get(i).get("delivered").asBoolean()).isEqualTo(kept.get(i).delivered());
        }
    }

    private void assertPage(String agent, String businessKey, String reader, JsonNode trail) throws Exception {
        HttpResponse<String> page = get("/trace/" + agent + "/" + url(businessKey), reader);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(HtmlPage.CONTENT_SECURITY_POLICY);
        assertThat(page.body()).contains("<h1>" + HtmlPage.escape(agent) + " · " + HtmlPage.escape(businessKey) + "</h1>")
                .contains("href=\"/camunda/app/cockpit/default/#/process-instance/")
                .doesNotContain("Exception").doesNotContain("Whitelabel").doesNotContain("<script").doesNotContain("style=");
        JsonNode newest = trail.has("runs") ? trail.get("runs").get(0) : trail;
        for (JsonNode message : newest.at("/messages/conversation")) {
            assertThat(page.body()).as("the page shows the conversation of %s", businessKey).contains(HtmlPage.escape(message.get("text").asText()));
        }
    }

    /** Each open handoff's form links to the trail of its run: the link resolves for a signed-in reader, in a new tab. */
    private void assertFormLinks(String agent, List<String> readers) throws Exception {
        HttpClient browser = signedIn(readers.get(0));
        for (Task task : tasks.createTaskQuery().processDefinitionKey(agent).list()) {
            String formRef = repository.getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey())
                    .getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            if (formRef == null) {
                continue;
            }
            String form = forms().get(formRef);
            assertThat(form).as("form %s of %s", formRef, task.getTaskDefinitionKey()).isNotNull();
            Matcher link = TRAIL_LINK.matcher(form);
            assertThat(link.find()).as("form %s links to the trail", formRef).isTrue();
            assertThat(form).as("form %s opens the trail in a new tab", formRef).contains("target=\"_blank\"").contains("rel=\"noopener\"");
            // what Tasklist loads a Camunda Form with: the task's variables and the run's payload fields
            Map<String, Object> variables = formService.getTaskFormVariables(task.getId());
            Map<String, Object> fields = RunPayload.fields(runtime.getVariable(task.getProcessInstanceId(), RunPayload.VARIABLE));
            for (String key : formKeys(form)) {
                if (fields.containsKey(key) && !runtime.getVariables(task.getExecutionId()).containsKey(key)) {
                    assertThat(variables).as("form %s shows the run's field %s", formRef, key).containsEntry(key, fields.get(key));
                }
            }
            Matcher placeholder = PLACEHOLDER.matcher(link.group(1));
            StringBuilder href = new StringBuilder();
            while (placeholder.find()) {
                placeholder.appendReplacement(href, Matcher.quoteReplacement(url(String.valueOf(variables.get(placeholder.group(1))))));
            }
            placeholder.appendTail(href);
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + href)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("%s from form %s", href, formRef).isEqualTo(200);
            String businessKey = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
            assertThat(page.body()).contains(HtmlPage.escape(businessKey)).contains("#/?task=");
        }
    }

    private static Set<String> formKeys(String form) {
        Set<String> keys = new HashSet<>();
        Matcher key = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(form);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    private void assertMetrics(String agent, List<String> readers, List<String> others, int runs) throws Exception {
        for (String reader : readers) {
            HttpResponse<String> metrics = get("/api/agents/" + agent + "/metrics?days=30", reader);
            assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
            assertThat(JSON.readTree(metrics.body()).get("runs").asInt()).isEqualTo(runs);
        }
        for (String other : others) {
            assertThat(get("/api/agents/" + agent + "/metrics?days=30", other).statusCode()).isEqualTo(403);
        }
    }

    /** Demo user → "reads" or "may not", from their groups and {@code circuitos.identity.run-readers}. */
    private Map<String, String> demoUsersByReading(String agent) {
        Map<String, List<String>> runReaders = Binder.get(environment)
                .bind("circuitos.identity.run-readers", Bindable.mapOf(String.class, (Class<List<String>>) (Class<?>) List.class)).orElse(Map.of());
        Map<String, String> users = new LinkedHashMap<>();
        for (User user : identity.createUserQuery().list()) {
            boolean reads = identity.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId)
                    .anyMatch(group -> READ_EVERY_AGENT.contains(group) || runReaders.getOrDefault(group, List.of()).contains(agent));
            users.put(user.getId(), reads ? "reads" : "may not");
        }
        return users;
    }

    /** The agent's demo event with a fresh business key, signed by its source, sent twice with two webhook ids. */
    private List<JsonNode> sendFreshRunTwice(String agent) throws Exception {
        for (JsonNode event : demoEvents()) {
            Route route = routes.routes().stream()
                    .filter(r -> r.type().equals(event.path("type").asText()) && agent.equals(r.processKey())).findFirst().orElse(null);
            if (route == null) {
                continue;
            }
            ObjectNode copy = event.deepCopy();
            String path = route.fields().stream().filter(f -> f.name().equals(route.businessKey())).findFirst().orElseThrow().path();
            String[] segments = path.split("\\.");
            ObjectNode parent = copy;
            for (int i = 0; i < segments.length - 1; i++) {
                parent = (ObjectNode) parent.get(segments[i]);
            }
            parent.put(segments[segments.length - 1], "ACC-" + UUID.randomUUID().toString().substring(0, 8));
            String source = route.sources().get(0);
            String secret = webhooks.sources().get(source).secret();
            freshEvents.put(agent, Map.entry(route, copy));
            List<JsonNode> answers = new ArrayList<>();
            for (int delivery = 0; delivery < 2; delivery++) {
                HttpResponse<String> accepted = new SignedWebhooks(base()).send(source, secret, "msg_acc_" + UUID.randomUUID(), Instant.now(),
                        copy.toString());
                assertThat(accepted.statusCode()).as("%s: %s", agent, accepted.body()).isEqualTo(202);
                answers.add(JSON.readTree(accepted.body()));
                settle();
            }
            return answers;
        }
        throw new AssertionError("no demo event in demo/*.json starts " + agent + ": add one, the embedded default shows every agent");
    }

    /** Runs every due job the way the job executor would, keeping failures on their jobs (they become incidents). */
    private void settle() {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // recorded on the job with one retry fewer
                }
            }
        }
        throw new AssertionError("jobs did not settle in 100 rounds");
    }

    private JsonNode trail(String agent, String businessKey, String user) throws Exception {
        HttpResponse<String> response = get("/api/agents/" + agent + "/runs/" + url(businessKey) + "/trace", user);
        assertThat(response.statusCode()).as("%s %s as %s: %s", agent, businessKey, user, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser signed in through circuitos' sign-in page (CSRF token from the form). */
    private HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(base() + "/signin")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).as(form).isTrue();
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(base() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=" + user + "&return=%2Fcamunda%2Fapp%2Ftasklist%2F&_csrf=" + url(token.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(303);
        return browser;
    }

    private Set<String> elementIds(String agent) {
        Set<String> ids = new HashSet<>();
        agentModel(agent).getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
        return ids;
    }

    private List<String> startEvents(String agent) {
        return agentModel(agent).getModelElementsByType(StartEvent.class).stream().map(StartEvent::getId).toList();
    }

    private static BpmnModelInstance agentModel(String agent) {
        return ShippedAgents.processes().values().stream().map(EveryAgentTellsTheTruthTest::model)
                .filter(m -> m.getModelElementById(agent) instanceof Process).findFirst().orElseThrow();
    }

    private static BpmnModelInstance model(byte[] bpmn) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    }

    /** Form id → the text its text components show, as shipped. */
    private static Map<String, String> forms() throws IOException {
        Map<String, String> byId = new LinkedHashMap<>();
        for (byte[] form : ShippedAgents.forms().values()) {
            JsonNode json = JSON.readTree(form);
            StringBuilder texts = new StringBuilder();
            json.findValues("text").forEach(text -> texts.append(text.asText()).append('\n'));
            byId.put(json.get("id").asText(), texts.toString());
        }
        return byId;
    }

    private static List<JsonNode> demoEvents() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:demo/*.json")) {
            try (InputStream in = file.getInputStream()) {
                JSON.readTree(in).forEach(events::add);
            }
        }
        return events;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static FakeOllama fakeOllama() {
        try {
            return new FakeOllama();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
