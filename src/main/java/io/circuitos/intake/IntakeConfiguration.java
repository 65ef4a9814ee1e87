package io.circuitos.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.customers.CustomerStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import io.circuitos.engine.OneCommand;
import org.camunda.bpm.engine.ProcessEngine;
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
                                       ProcessEngine engine, JdbcTemplate jdbc,
                                       PlatformTransactionManager transactionManager, java.util.List<EventHandler> handlers, Clock clock) {
        return new IntakeService(properties, routes, json, runtimeService, deliveryStore(jdbc), new RunKeyStore(jdbc),
                new TransactionTemplate(transactionManager), new OneCommand(engine), clock, handlers, inboxLevel(clock));
    }

    @Bean
    public InboxLevel inboxLevel(Clock clock) {
        return new InboxLevel(clock);
    }

    /** Drains the inbox on this node (also with the inbox switched off, so nothing stored before waits for ever). */
    @Bean
    public InboxDrainer inboxDrainer(IntakeService intake, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                     WebhookProperties properties, Clock clock, MeterRegistry meters) {
        return new InboxDrainer(intake, deliveryStore(jdbc), new TransactionTemplate(transactionManager), properties.inbox(), inboxLevel(clock),
                clock, meters);
    }

    /** {@code circuitos_inbox_depth}, {@code circuitos_inbox_oldest_age_seconds} and {@code circuitos_inbox_failed}, as the drainer last counted. */
    @Bean
    public MeterBinder inboxGauges(InboxLevel level) {
        return registry -> {
            Gauge.builder("circuitos_inbox_depth", level, InboxLevel::queued)
                    .description("webhook deliveries stored and waiting for their run to start").register(registry);
            Gauge.builder("circuitos_inbox_oldest_age_seconds", level, InboxLevel::oldestAgeSeconds)
                    .description("how long the oldest waiting delivery has waited").register(registry);
            Gauge.builder("circuitos_inbox_failed", level, InboxLevel::failed)
                    .description("deliveries the drainer gave up on (their status says why)").register(registry);
        };
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
