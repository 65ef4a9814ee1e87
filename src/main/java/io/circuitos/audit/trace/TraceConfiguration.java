package io.circuitos.audit.trace;

import io.circuitos.engine.bounds.DecisionBoundsProperties;
import io.circuitos.engine.bounds.FeelBudget;
import io.circuitos.intake.WebhookProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
public class TraceConfiguration {

    @Bean
    public TraceReader traceReader(ProcessEngine engine, JdbcTemplate jdbc, WebhookProperties webhooks) {
        return new TraceReader(engine, jdbc, webhooks);
    }

    @Bean
    public io.circuitos.audit.whatif.WhatIfReplay whatIfReplay(ProcessEngine engine, FeelBudget feelBudget, DecisionBoundsProperties decisions) {
        return new io.circuitos.audit.whatif.WhatIfReplay(engine, feelBudget, decisions.whatIfTimeout());
    }

    @Bean
    public RunAccess runAccess(ProcessEngine engine) {
        return new RunAccess(engine.getAuthorizationService());
    }
}
