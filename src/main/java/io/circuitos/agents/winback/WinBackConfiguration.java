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
    public CampaignMessageStore campaignMessageStore(JdbcTemplate jdbc) {
        return new CampaignMessageStore(jdbc);
    }

    @Bean
    public StrategyStore strategyStore(JdbcTemplate jdbc) {
        return new StrategyStore(jdbc);
    }

    @Bean
    public SaveProbabilityChangeStore saveProbabilityChangeStore(JdbcTemplate jdbc) {
        return new SaveProbabilityChangeStore(jdbc);
    }

    /** Win-back's corrections, for {@code /api/agents/autonomy}. */
    @Bean
    public WinBackAutonomy winBackAutonomy(StrategyStore strategies) {
        return new WinBackAutonomy(strategies);
    }

    @Bean
    public CampaignEngagement campaignEngagement(CampaignMessageStore ledger, CustomerEvents customers,
                                                 WinBackProperties winBack, Clock clock) {
        return new CampaignEngagement(ledger, customers, winBack.attributionWindow(), clock);
    }
}
