package io.circuitos.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every process scenario test stands on: the engine clock at {@link #NOW}, the real generic
 * delegates, a loopback channel endpoint, a fake Ollama, GreenMail as the SMTP server and the
 * application's tables. Each test class declares its own coverage extension (so coverage is per
 * process) and hands its engine over through {@link #processEngine()}.
 */
public abstract class ProcessScenarioTest {

    /** Not named camunda.cfg.xml: ProcessEngines would offer that one to the Spring tests' REST API too. */
    public static final String PROCESS_TEST_ENGINE = "process-tests.camunda.cfg.xml";

    /** A Friday afternoon, so "n days later at 10:00 on a weekday" crosses a weekend. */
    protected static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    @RegisterExtension
    protected static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    protected static ChannelCapture channels;
    protected static FakeOllama ollama;
    protected static JdbcTemplate database;

    protected abstract ProcessEngine processEngine();

    @BeforeAll
    static void startCollaborators() throws Exception {
        database = ProcessTestDelegates.migratedDatabase();
        channels = new ChannelCapture();
        ollama = new FakeOllama();
    }

    @AfterAll
    static void stopCollaborators() {
        channels.close();
        ollama.close();
    }

    @BeforeEach
    void wireDelegates() {
        BpmnAwareTests.init(processEngine()); // Spring tests in the same JVM run engines of their own
        ClockUtil.setCurrentTime(Date.from(NOW));
        ollama.reset();
        ProcessTestDelegates.register(channels, ollama.baseUrl(), database, ServerSetupTest.SMTP.getPort());
    }

    @AfterEach
    void resetEngineState() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }
}
