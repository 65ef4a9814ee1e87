package io.circuitos.outcomes;

import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
public class OutcomesConfiguration {

    @Bean
    public OutcomeStore outcomeStore(JdbcTemplate jdbc) {
        return new OutcomeStore(jdbc);
    }

    @Bean
    public RunOutcomes runOutcomes(ProcessEngine engine, OutcomeStore outcomes, Clock clock) {
        return new RunOutcomes(engine.getHistoryService(), outcomes, clock);
    }
}
