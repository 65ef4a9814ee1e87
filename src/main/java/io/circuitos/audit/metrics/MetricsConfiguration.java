package io.circuitos.audit.metrics;

import io.circuitos.intake.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class MetricsConfiguration {

    /**
     * Not a bean of its own: the Camunda starter adds every {@code HistoryEventHandler} bean to the
     * engine, and the plugin does so too, which would count each event twice.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "circuitos.metrics.agents.enabled", havingValue = "true",
            matchIfMissing = true)   // off only to measure what counting costs (bench/trace-metrics-benchmark.sh)
    public AgentMetricsPlugin agentMetricsPlugin(MeterRegistry registry) {
        return new AgentMetricsPlugin(new AgentMetrics(registry));
    }

    @Bean
    public DriftMetrics driftMetrics(io.circuitos.ml.DriftMonitor drift, io.circuitos.ml.ModelRegistry models) {
        return new DriftMetrics(drift, models);
    }

    @Bean
    public AgentAudit agentAudit(org.camunda.bpm.engine.ProcessEngine engine) {
        return new AgentAudit(engine);
    }

    @Bean
    public FilterRegistrationBean<WebhookMetricsFilter> webhookMetrics(MeterRegistry registry, WebhookProperties webhooks) {
        FilterRegistrationBean<WebhookMetricsFilter> registration = new FilterRegistrationBean<>(new WebhookMetricsFilter(registry, webhooks));
        registration.addUrlPatterns("/api/webhooks/*");
        return registration;
    }
}
