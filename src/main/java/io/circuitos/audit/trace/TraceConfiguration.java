package io.circuitos.audit.trace;

import io.circuitos.engine.EngineProperties;
import io.circuitos.engine.bounds.FeelBudget;
import io.circuitos.intake.RouteCatalogue;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
public class TraceConfiguration {

    @Bean
    public TraceReader traceReader(ProcessEngine engine, JdbcTemplate jdbc, RouteCatalogue routes) {
        return new TraceReader(engine, jdbc, routes);
    }

    @Bean
    public io.circuitos.audit.whatif.WhatIfReplay whatIfReplay(ProcessEngine engine, FeelBudget feelBudget, EngineProperties properties) {
        return new io.circuitos.audit.whatif.WhatIfReplay(engine, feelBudget, properties.decisions().whatIfTimeout());
    }

    @Bean
    public RunAccess runAccess(ProcessEngine engine) {
        return new RunAccess(engine.getAuthorizationService());
    }
}
