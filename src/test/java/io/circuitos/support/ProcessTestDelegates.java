package io.circuitos.support;

import io.circuitos.agents.winback.CampaignFinanceDelegate;
import io.circuitos.agents.winback.CampaignLedger;
import io.circuitos.agents.winback.CampaignMessageDelegate;
import io.circuitos.agents.winback.CandidateSelector;
import io.circuitos.agents.winback.CurrentStrategyDelegate;
import io.circuitos.agents.winback.EngagementReviewDelegate;
import io.circuitos.agents.winback.OpenCampaignDelegate;
import io.circuitos.agents.winback.RecordOfferDelegate;
import io.circuitos.agents.winback.SaveProbabilityLearner;
import io.circuitos.agents.winback.StrategyBook;
import io.circuitos.agents.winback.WinBackSchedule;
import io.circuitos.customers.CustomerStore;
import io.circuitos.customers.LoadCustomerDelegate;
import io.circuitos.drafting.TemplateDrafter;
import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmConfiguration;
import io.circuitos.llm.LlmAskDelegate;
import io.circuitos.llm.LlmDraftDelegate;
import io.circuitos.llm.LlmGateway;
import io.circuitos.knowledge.AddToKnowledgeDelegate;
import io.circuitos.knowledge.KnowledgeAnswers;
import io.circuitos.knowledge.KnowledgeBase;
import io.circuitos.knowledge.KnowledgeConfiguration;
import io.circuitos.knowledge.SearchKnowledgeDelegate;
import io.circuitos.ml.SharedEmbeddingModel;
import io.circuitos.notify.OutboundWebhookDelegate;
import io.circuitos.notify.OutboundWebhookProperties;
import java.util.function.Supplier;
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
        Mocks.register("recordEndReason", new io.circuitos.audit.EndReasonListener());
        Mocks.register("scheduleAtSendTime", new SendTimeScheduler(ZoneOffset.UTC));
        Mocks.register("notifyChannel", new ChannelNotifier(new ChannelProperties(Map.of(
                "sales-reps", new ChannelProperties.Channel(channels.url("/sales-reps")),
                "nurture", new ChannelProperties.Channel(channels.url("/nurture")))), RestClient.create()));
        registerMail(database, smtpPort);
        registerLlm(ollamaBaseUrl, 4);
        registerWinBack(database);
        registerSupport(channels, database);
    }

    /** Built on first use, once per test JVM: indexing the articles takes a couple of seconds. */
    private static final class KnowledgeHolder {
        static final KnowledgeBase INSTANCE = build();

        private static KnowledgeBase build() {
            try {
                return new KnowledgeBase(SharedEmbeddingModel.get(), KnowledgeConfiguration.articles());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static final Supplier<KnowledgeBase> KNOWLEDGE = () -> KnowledgeHolder.INSTANCE;

    /** The support agent's tasks: the shipped knowledge base (built once), answers saved in the test database, help desk on the capture server. */
    public static void registerSupport(ChannelCapture channels, JdbcTemplate database) {
        Mocks.register("searchKnowledge", new SearchKnowledgeDelegate(KNOWLEDGE));
        Mocks.register("addToKnowledge", new AddToKnowledgeDelegate(KNOWLEDGE, new KnowledgeAnswers(database)));
        Mocks.register("sendWebhook", new OutboundWebhookDelegate(new OutboundWebhookProperties(Map.of("helpdesk",
                new OutboundWebhookProperties.Target(channels.url("/helpdesk"), "whsec_dGVzdC1vbmx5LWhlbHBkZXNrLW91dGJvdW5k"))),
                RestClient.create()));
    }

    public static KnowledgeBase knowledge() {
        return KNOWLEDGE.get();
    }

    /** The win-back agent's tasks over the application's tables in the process-test database. */
    public static void registerWinBack(JdbcTemplate database) {
        CustomerStore customers = new CustomerStore(database);
        CampaignLedger ledger = new CampaignLedger(database);
        StrategyBook strategies = new StrategyBook(database);
        Mocks.register("winBackSchedule", new WinBackSchedule("0 0 9 ? * MON"));
        Mocks.register("openWinBackCampaign", new OpenCampaignDelegate());
        Mocks.register("selectWinBackCandidates", new CandidateSelector(customers, MODELS));
        Mocks.register("loadCustomer", new LoadCustomerDelegate(customers));
        Mocks.register("currentWinBackStrategy", new CurrentStrategyDelegate(strategies));
        Mocks.register("recordWinBackOffer", new RecordOfferDelegate(ledger));
        Mocks.register("winBackFinance", new CampaignFinanceDelegate(ledger));
        Mocks.register("loadWinBackMessage", CampaignMessageDelegate.load(ledger));
        Mocks.register("markWinBackSent", CampaignMessageDelegate.markSent(ledger));
        Mocks.register("reviewWinBackEngagement", new EngagementReviewDelegate(strategies));
        Mocks.register("learnSaveProbabilities", new SaveProbabilityLearner(database));
    }

    /** The SMTP sender on {@code port} (a closed port makes every send fail, as an SMTP outage would). */
    public static void registerMail(JdbcTemplate database, int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        Mocks.register("sendEmail", new SendEmailDelegate(mail, database, "reps@circuitos.example", Clock.systemUTC()));
    }

    public static void registerLlm(String baseUrl, int maxCalls) {
        LlmProperties properties = new LlmProperties(baseUrl, "fake-model", Duration.ofSeconds(2),
                new LlmProperties.Budget(maxCalls, 6000), new LlmProperties.Guard(1500, List.of("guarantee", "promise"), List.of()),
                new LlmProperties.Breaker(50, 10, 4, Duration.ofMinutes(1)));
        LlmGateway gateway = LlmConfiguration.gateway(properties);
        Mocks.register("llmDraft", new LlmDraftDelegate(gateway, new PromptLibrary(), new ContentGuard(properties.guard()), properties.budget()));
        Mocks.register("llmAsk", new LlmAskDelegate(gateway, new PromptLibrary(), new ContentGuard(properties.guard()), properties.budget()));
    }
}
