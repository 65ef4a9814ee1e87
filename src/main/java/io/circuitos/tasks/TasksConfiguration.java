package io.circuitos.tasks;

import io.circuitos.customers.CustomerStore;
import io.circuitos.engine.sandbox.ReferenceCatalog;
import io.circuitos.engine.sandbox.RegisteredTasks;
import io.circuitos.knowledge.Grounding;
import io.circuitos.knowledge.KnowledgeAnswers;
import io.circuitos.knowledge.KnowledgeBase;
import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.notify.ChannelProperties;
import io.circuitos.notify.OutboundWebhookProperties;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;

/**
 * The generic tasks of {@link GenericTasks}, each a bean under its registry name, and what the engine's
 * guard and sandbox learn from the registry: which beans are tasks and what their inputs must name.
 */
@Configuration
@EnableConfigurationProperties(TasksProperties.class)
public class TasksConfiguration {

    /** The registry as the engine's deployment guard and sandboxed expressions see it. */
    @Bean
    public RegisteredTasks registeredTasks() {
        return GenericTasks.registered();
    }

    /** What a task's model and prompt inputs may name: the shipped models and prompts. */
    @Bean
    public ReferenceCatalog referenceCatalog(ObjectProvider<ModelRegistry> models, ObjectProvider<PromptLibrary> prompts) {
        return new ReferenceCatalog(name -> modelExists(models.getObject(), name),
                name -> prompts.getObject().exists(name), key -> false, key -> false);
    }

    private static boolean modelExists(ModelRegistry models, String name) {
        try {
            return models.get(name) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Bean
    public ScoreWithModelDelegate scoreWithModel(ModelRegistry registry) {
        return new ScoreWithModelDelegate(registry);
    }

    @Bean
    public LlmAskDelegate llmAsk(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties properties) {
        return new LlmAskDelegate(gateway, prompts, guard, properties.budget());
    }

    @Bean
    public LlmDraftDelegate llmDraft(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties properties) {
        return new LlmDraftDelegate(gateway, prompts, guard, properties.budget());
    }

    @Bean
    public TemplateDrafter draftFromTemplate() {
        return new TemplateDrafter();
    }

    @Bean
    public SendEmailDelegate sendEmail(ObjectProvider<JavaMailSender> mail, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                       TasksProperties settings, Clock clock) {
        return new SendEmailDelegate(mail.getIfAvailable(), jdbc, transactions, settings.mail().from(), clock);
    }

    @Bean
    public ChannelNotifier notifyChannel(ChannelProperties channels, RestClient.Builder builder) {
        return new ChannelNotifier(channels, client(builder));
    }

    @Bean
    public OutboundWebhookDelegate sendWebhook(OutboundWebhookProperties targets, RestClient.Builder builder) {
        return new OutboundWebhookDelegate(targets, client(builder));
    }

    private static RestClient client(RestClient.Builder builder) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(10));
        return builder.clone().requestFactory(requests).build();
    }

    @Bean
    public SendTimeScheduler scheduleAtSendTime(TasksProperties settings) {
        return new SendTimeScheduler(settings.schedule().zone());
    }

    @Bean
    public SearchKnowledgeDelegate searchKnowledge(ObjectProvider<KnowledgeBase> knowledge) {
        return new SearchKnowledgeDelegate(knowledge::getObject);
    }

    @Bean
    public CheckGroundingDelegate checkGrounding(ObjectProvider<KnowledgeBase> knowledge, LlmProperties properties) {
        LlmProperties.Grounding thresholds = properties.grounding();
        return new CheckGroundingDelegate(knowledge::getObject, new Grounding(thresholds.minSimilarity(), thresholds.minSupportedShare()));
    }

    @Bean
    public AddToKnowledgeDelegate addToKnowledge(ObjectProvider<KnowledgeBase> knowledge, KnowledgeAnswers answers) {
        return new AddToKnowledgeDelegate(knowledge::getObject, answers);
    }

    @Bean
    public LoadCustomerDelegate loadCustomer(CustomerStore store) {
        return new LoadCustomerDelegate(store);
    }

    @Bean
    public EndReasonListener recordEndReason() {
        return new EndReasonListener();
    }

    @Bean
    public AppendMessageListener appendMessage() {
        return new AppendMessageListener();
    }
}
