package io.circuitos.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.circuitos.intake.RouteCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every process scenario test stands on, and its one driver: the engine clock at {@link #NOW},
 * the generic tasks as the application builds them ({@link ProcessTestWiring}), a loopback channel
 * endpoint, a fake Ollama, GreenMail as the SMTP server and the application's tables; {@link #start},
 * {@link #correlateStart}, {@link #correlate}, {@link #runJobs} and {@link #runJobsWithRetries} drive an instance the way
 * the job executor would. Each test class declares its own coverage extension (so coverage is per
 * process) and hands its engine over through {@link #processEngine()}.
 */
public abstract class ProcessScenarioTest {

    /** Not named camunda.cfg.xml: ProcessEngines would offer that one to the Spring tests' REST API too. */
    public static final String PROCESS_TEST_ENGINE = "process-tests.camunda.cfg.xml";

    /** A Friday afternoon, so "n days later at 10:00 on a weekday" crosses a weekend. */
    protected static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    @RegisterExtension
    protected static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final RouteCatalogue SHIPPED_ROUTES = RouteCatalogue.shipped();

    protected static ChannelCapture channels;
    protected static FakeOllama ollama;
    protected static JdbcTemplate database;
    private static ProcessTestWiring wiring;
    private static ProcessTestWiring rewired;

    protected abstract ProcessEngine processEngine();

    @BeforeAll
    static void startCollaborators() throws Exception {
        database = ProcessTestWiring.migratedDatabase();
        channels = new ChannelCapture();
        ollama = new FakeOllama();
    }

    @AfterAll
    static void stopCollaborators() {
        closeRewired();
        if (wiring != null) {
            wiring.close();
            wiring = null;
        }
        channels.close();
        ollama.close();
    }

    @BeforeEach
    void wireDelegates() {
        BpmnAwareTests.init(processEngine()); // Spring tests in the same JVM run engines of their own
        ClockUtil.setCurrentTime(Date.from(NOW));
        ollama.reset();
        if (wiring == null) {
            wiring = ProcessTestWiring.build(processEngine(), database, collaborators());
        }
        wiring.register();
    }

    @AfterEach
    void resetEngineState() {
        closeRewired();
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** Where the application's settings point at this test's collaborators. */
    private static Map<String, String> collaborators() {
        Map<String, String> properties = new HashMap<>();
        properties.put("circuitos.llm.base-url", ollama.baseUrl());
        properties.put("circuitos.channels.sales-reps.url", channels.url("/sales-reps"));
        properties.put("circuitos.channels.nurture.url", channels.url("/nurture"));
        properties.put("circuitos.outbound.helpdesk.url", channels.url("/helpdesk"));
        properties.put("circuitos.outbound.chat.url", channels.url("/chat"));
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(ServerSetupTest.SMTP.getPort()));
        properties.put("circuitos.knowledge.warm-up", "false");
        return properties;
    }

    /** For the rest of this test, the application as configured with {@code property = value} (e.g. an unreachable Ollama). */
    protected void reconfigure(String property, String value) {
        reconfigure(Map.of(property, value));
    }

    /** For the rest of this test, the application as configured with these properties besides the collaborators'. */
    protected void reconfigure(Map<String, String> settings) {
        closeRewired();
        Map<String, String> properties = collaborators();
        properties.putAll(settings);
        rewired = ProcessTestWiring.build(processEngine(), database, properties);
        rewired.register();
    }

    /** Ollama on a port nobody listens on: the LLM is down. */
    protected void llmDown() {
        reconfigure("circuitos.llm.base-url", "http://127.0.0.1:" + Ports.closed());
    }

    /** Every instance is over its LLM budget at its first call. */
    protected void llmBudgetSpent() {
        reconfigure("circuitos.llm.budget.max-calls", "0");
    }

    /** The application's bean of this type as the process tests run it. */
    protected static <T> T bean(Class<T> type) {
        return (rewired != null ? rewired : wiring).bean(type);
    }

    private static void closeRewired() {
        if (rewired != null) {
            rewired.close();
            rewired = null;
        }
    }

    /**
     * Starts {@code processKey} as a route would (the shipped route that starts it keeps the start's fields as the
     * application does, most of them in the run's payload) and runs its due jobs.
     */
    protected static ProcessInstance start(String processKey, String businessKey, Map<String, Object> variables) {
        Map<String, Object> startVariables = SHIPPED_ROUTES.routes().stream()
                .filter(route -> processKey.equals(route.processKey()) && route.handler() == null && route.message() == null)
                .findFirst().map(route -> route.startVariables(variables)).orElse(variables);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(processKey, businessKey, startVariables);
        BpmnAwareTests.assertThat(instance); // task(), job() without an instance now mean this one
        runJobs(instance);
        return instance;
    }

    /** Starts a process through its message start event, as a route with {@code message} would, and runs its due jobs. */
    protected static ProcessInstance correlateStart(String message, String businessKey, Map<String, Object> variables) {
        ProcessInstance instance = runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                .setVariables(variables).correlateStartMessage();
        BpmnAwareTests.assertThat(instance);
        runJobs(instance);
        return instance;
    }

    /**
     * Delivers a message as a route with {@code message:} does: to the run with this business key that
     * waits for it, or else to a message start event; then runs the due jobs.
     */
    protected static ProcessInstance correlate(String message, String businessKey, Map<String, Object> variables) {
        org.camunda.bpm.engine.runtime.MessageCorrelationResult result = runtimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(businessKey).setVariables(variables).correlateWithResult();
        ProcessInstance instance = result.getResultType() == org.camunda.bpm.engine.runtime.MessageCorrelationResultType.ProcessDefinition
                ? result.getProcessInstance()
                : runtimeService().createProcessInstanceQuery().processInstanceId(result.getExecution().getProcessInstanceId()).singleResult();
        BpmnAwareTests.assertThat(instance);
        runJobs(instance);
        return instance;
    }

    /** Runs the instance's due jobs like the job executor: a failing job keeps its exception and one retry fewer. */
    protected static void runJobs(ProcessInstance instance) {
        Jobs.runDueKeepingFailures(managementService(), instance.getId(), () -> { });
    }

    /** Like {@link #runJobs}, and lets the clock reach each failed job's next retry (within the hour), as time would. */
    protected static void runJobsWithRetries(ProcessInstance instance) {
        Jobs.runDueKeepingFailures(managementService(), instance.getId(), () -> managementService().createJobQuery()
                .processInstanceId(instance.getId()).withException().withRetriesLeft().list().stream()
                .map(Job::getDuedate).filter(d -> d != null).max(Date::compareTo)
                .filter(d -> d.after(ClockUtil.getCurrentTime())
                        && d.before(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(1)))))
                .ifPresent(ClockUtil::setCurrentTime));
    }

    /** The process-level value of a variable in history (not a task's local copy). */
    protected Object historicVariable(ProcessInstance instance, String name) {
        return processEngine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream().filter(v -> instance.getId().equals(v.getActivityInstanceId()))
                .findFirst().orElseThrow(() -> new AssertionError("no process-level variable " + name)).getValue();
    }
}
