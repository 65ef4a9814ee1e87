package io.circuitos.support;

import io.circuitos.drafting.TemplateDrafter;
import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmConfiguration;
import io.circuitos.llm.LlmDraftDelegate;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.mail.SendEmailDelegate;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.ml.ScoreWithModelDelegate;
import io.circuitos.notify.ChannelNotifier;
import io.circuitos.notify.ChannelProperties;
import io.circuitos.scheduling.SendTimeScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.RestClient;

/**
 * The real generic delegates, wired by hand for the standalone process-test engine
 * ({@code process-tests.camunda.cfg.xml}): models from the jar, a loopback channel endpoint, a fake
 * Ollama, GreenMail's SMTP port, and the application's own tables migrated into the engine's database.
 */
public final class ProcessTestDelegates {

    private static final ModelRegistry MODELS = new ModelRegistry(Path.of("target/no-models-dir"), Duration.ofMinutes(1), Clock.systemUTC());

    private ProcessTestDelegates() {
    }

    /** The application's Flyway migrations applied to the process-test engine's in-memory database. */
    public static JdbcTemplate migratedDatabase() {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:circuitos-process-tests;DB_CLOSE_DELAY=1000", "sa", "");
        Flyway.configure().dataSource(database).table("circuitos_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        return new JdbcTemplate(database);
    }

    public static void register(ChannelCapture channels, String ollamaBaseUrl, JdbcTemplate database, int smtpPort) {
        Mocks.register("scoreWithModel", new ScoreWithModelDelegate(MODELS));
        Mocks.register("draftFromTemplate", new TemplateDrafter());
        Mocks.register("scheduleAtSendTime", new SendTimeScheduler(ZoneOffset.UTC));
        Mocks.register("notifyChannel", new ChannelNotifier(new ChannelProperties(Map.of(
                "sales-reps", new ChannelProperties.Channel(channels.url("/sales-reps")),
                "nurture", new ChannelProperties.Channel(channels.url("/nurture")))), RestClient.create()));
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtpPort);
        Mocks.register("sendEmail", new SendEmailDelegate(mail, database, "reps@circuitos.example", Clock.systemUTC()));
        registerLlm(ollamaBaseUrl, 4);
    }

    public static void registerLlm(String baseUrl, int maxCalls) {
        LlmProperties properties = new LlmProperties(baseUrl, "fake-model", Duration.ofSeconds(2),
                new LlmProperties.Budget(maxCalls, 6000), new LlmProperties.Guard(1500, List.of("guarantee", "promise"), List.of()),
                new LlmProperties.Breaker(50, 10, 4, Duration.ofMinutes(1)));
        Mocks.register("llmDraft", new LlmDraftDelegate(LlmConfiguration.gateway(properties), new PromptLibrary(),
                new ContentGuard(properties.guard()), properties.budget()));
    }
}
