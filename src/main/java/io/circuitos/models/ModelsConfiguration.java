package io.circuitos.models;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
@EnableConfigurationProperties(ModelsProperties.class)
public class ModelsConfiguration {

    @Bean
    public PromotionStore promotionStore(JdbcTemplate jdbc) {
        return new PromotionStore(jdbc);
    }

    @Bean
    public LabelledCases labelledCases(io.circuitos.outcomes.OutcomeStore outcomes, org.camunda.bpm.engine.ProcessEngine engine) {
        return new LabelledCases(outcomes, engine.getHistoryService());
    }
}
