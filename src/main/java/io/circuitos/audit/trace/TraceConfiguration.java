package io.circuitos.audit.trace;

import io.circuitos.audit.whatif.WhatIfReplay;
import io.circuitos.engine.EngineProperties;
import io.circuitos.engine.bounds.FeelBudget;
import io.circuitos.intake.DeliveryStore;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.mail.SentEmailStore;
import io.circuitos.outcomes.OutcomeStore;
import io.circuitos.privacy.Redaction;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class TraceConfiguration {

    @Bean
    public TraceReader traceReader(ProcessEngine engine, DeliveryStore deliveries, SentEmailStore sentEmails, RouteCatalogue routes,
                                   OutcomeStore outcomes) {
        return new TraceReader(engine, deliveries, sentEmails, routes, outcomes);
    }

    @Bean
    public WhatIfReplay whatIfReplay(ProcessEngine engine, FeelBudget feelBudget, EngineProperties properties) {
        return new WhatIfReplay(engine, feelBudget, properties.decisions().whatIfTimeout());
    }

    @Bean
    public TrailRedaction trailRedaction(Redaction redaction) {
        return new TrailRedaction(redaction);
    }
}
