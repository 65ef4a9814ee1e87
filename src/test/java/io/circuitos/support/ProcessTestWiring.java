package io.circuitos.support;

import io.circuitos.agents.winback.WinBackConfiguration;
import io.circuitos.customers.CustomerConfiguration;
import io.circuitos.customers.CustomerStore;
import io.circuitos.engine.EngineClock;
import io.circuitos.intake.CustomerEvents;
import io.circuitos.knowledge.KnowledgeConfiguration;
import io.circuitos.llm.LlmConfiguration;
import io.circuitos.llm.LlmProperties;
import io.circuitos.mail.MailConfiguration;
import io.circuitos.ml.MlConfiguration;
import io.circuitos.notify.ChannelProperties;
import io.circuitos.notify.OutboundWebhookProperties;
import io.circuitos.tasks.TaskCatalogue;
import io.circuitos.tasks.TasksConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.RestClient;

/**
 * The generic tasks for the standalone process-test engine, built by the application's own
 * {@code @Configuration} classes from the application's own {@code application.yaml}; a test overrides
 * only where its collaborators listen (fake Ollama, the capture server, GreenMail) and what a scenario
 * changes (an LLM outage, a spent budget). Every task of the {@link TaskCatalogue} is registered under its
 * name, as the application's {@code TaskBeans} builds it.
 */
public final class ProcessTestWiring implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;

    private ProcessTestWiring(AnnotationConfigApplicationContext context) {
        this.context = context;
    }

    /** @param overrides properties over application.yaml, e.g. {@code circuitos.llm.base-url} */
    public static ProcessTestWiring build(ProcessEngine engine, JdbcTemplate database, Map<String, String> overrides) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getBeanFactory().setConversionService(new org.springframework.boot.convert.ApplicationConversionService());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test overrides", new HashMap<>(overrides)));
        context.getEnvironment().getPropertySources().addLast(applicationYaml());
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        context.registerBean(ProcessEngineConfigurationImpl.class, () -> configuration);
        context.registerBean(ManagementService.class, engine::getManagementService);
        context.registerBean(JdbcTemplate.class, () -> database);
        context.registerBean(DataSource.class, database::getDataSource);
        context.register(Collaborators.class, MlConfiguration.class, LlmConfiguration.class, KnowledgeConfiguration.class,
                CustomerConfiguration.class, MailConfiguration.class, TasksConfiguration.class, WinBackConfiguration.class);
        context.refresh();
        return new ProcessTestWiring(context);
    }

    /** The application's Flyway migrations applied to the process-test engine's in-memory database. */
    public static JdbcTemplate migratedDatabase() {
        org.springframework.jdbc.datasource.DriverManagerDataSource database = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:mem:circuitos-process-tests;DB_CLOSE_DELAY=1000", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(database).table("circuitos_schema_history").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        return new JdbcTemplate(database);
    }

    /** Registers every task of the catalogue under its name for the engine's expressions. */
    public void register() {
        for (TaskCatalogue.Entry task : TaskCatalogue.shipped().entries()) {
            Mocks.register(task.spec().name(), context.getBean(task.spec().name(), task.type()));
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    private static PropertySource<?> applicationYaml() {
        try {
            return new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What Spring Boot's auto-configuration gives the application, for the plain context of the process
     * tests; deliberately no {@code @Configuration}, so the application's component scan never finds it.
     */
    @EnableConfigurationProperties({LlmProperties.class, ChannelProperties.class, OutboundWebhookProperties.class})
    static class Collaborators {

        @Bean
        java.time.Clock circuitosClock() {
            return new EngineClock();
        }

        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        /** The intake's billing-webhook handler, which win-back's engagement events reactivate customers through. */
        @Bean
        CustomerEvents customerEvents(CustomerStore store, java.time.Clock clock) {
            return new CustomerEvents(store, clock);
        }

        @Bean
        RestClient.Builder restClientBuilder() {
            return RestClient.builder();
        }

        @Bean
        JavaMailSenderImpl mailSender(org.springframework.core.env.Environment environment) {
            if (environment.getProperty("spring.mail.host", "127.0.0.1").isBlank()) {
                return null; // as Spring Boot does without spring.mail.host: no mail server (the embedded default)
            }
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost(environment.getProperty("spring.mail.host", "127.0.0.1"));
            mail.setPort(environment.getProperty("spring.mail.port", Integer.class, 25));
            return mail;
        }
    }
}
