package io.circuitos.agents.winback;

import io.circuitos.intake.CustomerEvents;
import java.time.Clock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The win-back agent's stores, engagement handler and schedule; its tasks are beans of the task catalogue
 * (each {@code *Task} class here), named as {@code processes/win-back.bpmn} calls them.
 */
@Configuration
@EnableConfigurationProperties(WinBackProperties.class)
public class WinBackConfiguration {

    @Bean
    public WinBackScheduleTask winBackSchedule(WinBackProperties winBack) {
        return new WinBackScheduleTask(winBack.schedule());
    }

    @Bean
    public WinBackScheduleSync winBackScheduleSync(ProcessEngineConfigurationImpl engine, ManagementService management,
                                                   WinBackScheduleTask schedule) {
        return new WinBackScheduleSync(engine, management, schedule.getCron());
    }

    @Bean
    public CampaignLedger campaignLedger(JdbcTemplate jdbc) {
        return new CampaignLedger(jdbc);
    }

    @Bean
    public StrategyBook strategyBook(JdbcTemplate jdbc) {
        return new StrategyBook(jdbc);
    }

    @Bean
    public CampaignEngagement campaignEngagement(CampaignLedger ledger, CustomerEvents customers,
                                                 WinBackProperties winBack, Clock clock) {
        return new CampaignEngagement(ledger, customers, winBack.attributionWindow(), clock);
    }
}
