package io.circuitos.tasks;

import io.circuitos.engine.sandbox.ReferenceCatalog;
import io.circuitos.engine.sandbox.RegisteredTasks;
import io.circuitos.knowledge.Grounding;
import io.circuitos.knowledge.KnowledgeArticleStore;
import io.circuitos.knowledge.KnowledgeBase;
import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.mail.SentEmailStore;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.notify.ChannelProperties;
import io.circuitos.notify.OutboundWebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;

/**
 * The tasks of the {@link TaskCatalogue}, each a bean under its task's name ({@link TaskBeans}; the methods
 * here build those that need settings or a configured client), and what the engine's guard and sandbox learn
 * from the catalogue: which beans are tasks and what their inputs must name.
 */
@Configuration
@EnableConfigurationProperties(TasksProperties.class)
public class TasksConfiguration {

    /** Static: it registers bean definitions, so it must exist before the other beans of this class. */
    @Bean
    public static TaskBeans taskBeans() {
        return new TaskBeans(TaskCatalogue.shipped());
    }

    /** The catalogue as the engine's deployment guard and sandboxed expressions see it. */
    @Bean
    public RegisteredTasks registeredTasks() {
        return TaskCatalogue.shipped();
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
    public LlmAskTask llmAsk(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties properties) {
        return new LlmAskTask(gateway, prompts, guard, properties.budget());
    }

    @Bean
    public LlmDraftTask llmDraft(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties properties) {
        return new LlmDraftTask(gateway, prompts, guard, properties.budget());
    }

    @Bean
    public LlmAgentTask llmAgent(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties properties,
                                 org.springframework.beans.factory.BeanFactory beans, ObjectProvider<MeterRegistry> meters) {
        return new LlmAgentTask(gateway, prompts, guard, properties.budget(), new ToolBox(TaskCatalogue.shipped(), beans::getBean),
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
    }

    @Bean
    public SendEmailTask sendEmail(ObjectProvider<JavaMailSender> mail, SentEmailStore sentEmails, PlatformTransactionManager transactions,
                                   TasksProperties settings, Clock clock) {
        return new SendEmailTask(mail.getIfAvailable(), sentEmails, transactions, settings.mail().from(), clock);
    }

    @Bean
    public NotifyChannelTask notifyChannel(ChannelProperties channels, RestClient.Builder builder) {
        return new NotifyChannelTask(channels, client(builder));
    }

    @Bean
    public SendWebhookTask sendWebhook(OutboundWebhookProperties targets, RestClient.Builder builder) {
        return new SendWebhookTask(targets, client(builder));
    }

    private static RestClient client(RestClient.Builder builder) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(10));
        return builder.clone().requestFactory(requests).build();
    }

    @Bean
    public ScheduleAtSendTimeTask scheduleAtSendTime(TasksProperties settings) {
        return new ScheduleAtSendTimeTask(settings.schedule().zone());
    }

    @Bean
    public SearchKnowledgeTask searchKnowledge(ObjectProvider<KnowledgeBase> knowledge) {
        return new SearchKnowledgeTask(knowledge::getObject);
    }

    @Bean
    public CheckGroundingTask checkGrounding(ObjectProvider<KnowledgeBase> knowledge, LlmProperties properties) {
        LlmProperties.Grounding thresholds = properties.grounding();
        return new CheckGroundingTask(knowledge::getObject, new Grounding(thresholds.minSimilarity(), thresholds.minSupportedShare()));
    }

    @Bean
    public AddToKnowledgeTask addToKnowledge(ObjectProvider<KnowledgeBase> knowledge, KnowledgeArticleStore answers) {
        return new AddToKnowledgeTask(knowledge::getObject, answers);
    }
}
