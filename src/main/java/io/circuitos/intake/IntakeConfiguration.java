package io.circuitos.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.customers.CustomerStore;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
public class IntakeConfiguration {

    /** One bean, also for the trail: {@code intakeService} calls this method and gets the bean (a full {@code @Configuration}). */
    @Bean
    public DeliveryStore deliveryStore(JdbcTemplate jdbc) {
        return new DeliveryStore(jdbc);
    }

    @Bean
    public IntakeService intakeService(WebhookProperties properties, RouteCatalogue routes, ObjectMapper json, RuntimeService runtimeService,
                                       ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc,
                                       PlatformTransactionManager transactionManager, java.util.List<EventHandler> handlers, Clock clock) {
        return new IntakeService(properties, routes, json, runtimeService, deliveryStore(jdbc), new RunKeyStore(jdbc),
                new TransactionTemplate(transactionManager), engine.getCommandExecutorTxRequired(), clock, handlers);
    }

    /** The routes of {@code routes/*.yaml}, read once at start. */
    @Bean
    public RouteCatalogue routeCatalogue() {
        return RouteCatalogue.shipped();
    }

    /** Billing webhooks into the customer store (routes with {@code handler: customer-store}). */
    @Bean
    public CustomerEvents customerEvents(CustomerStore store, Clock clock) {
        return new CustomerEvents(store, clock);
    }
}
