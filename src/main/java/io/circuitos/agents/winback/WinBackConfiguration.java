package io.circuitos.agents.winback;

import io.circuitos.customers.CustomerStore;
import io.circuitos.intake.CustomerEvents;
import io.circuitos.ml.ModelRegistry;
import java.time.Clock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The win-back agent's tasks, named as {@code processes/win-back.bpmn} calls them. */
@Configuration
@EnableConfigurationProperties(WinBackProperties.class)
public class WinBackConfiguration {

    @Bean
    public WinBackSchedule winBackSchedule(WinBackProperties winBack) {
        return new WinBackSchedule(winBack.schedule());
    }

    @Bean
    public WinBackScheduleSync winBackScheduleSync(ProcessEngineConfigurationImpl engine, ManagementService management,
                                                   WinBackSchedule schedule) {
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
    public OpenCampaignDelegate openWinBackCampaign() {
        return new OpenCampaignDelegate();
    }

    @Bean
    public CandidateSelector selectWinBackCandidates(CustomerStore customers, ModelRegistry models) {
        return new CandidateSelector(customers, models);
    }

    @Bean
    public CurrentStrategyDelegate currentWinBackStrategy(StrategyBook strategies) {
        return new CurrentStrategyDelegate(strategies);
    }

    @Bean
    public RecordOfferDelegate recordWinBackOffer(CampaignLedger ledger) {
        return new RecordOfferDelegate(ledger);
    }

    @Bean
    public CampaignFinanceDelegate winBackFinance(CampaignLedger ledger) {
        return new CampaignFinanceDelegate(ledger);
    }

    @Bean
    public CampaignMessageDelegate loadWinBackMessage(CampaignLedger ledger) {
        return CampaignMessageDelegate.load(ledger);
    }

    @Bean
    public CampaignMessageDelegate markWinBackSent(CampaignLedger ledger) {
        return CampaignMessageDelegate.markSent(ledger);
    }

    @Bean
    public CountSendsDelegate countWinBackSends(CampaignLedger ledger) {
        return new CountSendsDelegate(ledger);
    }

    @Bean
    public EngagementReviewDelegate reviewWinBackEngagement(StrategyBook strategies) {
        return new EngagementReviewDelegate(strategies);
    }

    @Bean
    public SaveProbabilityLearner learnSaveProbabilities(JdbcTemplate jdbc) {
        return new SaveProbabilityLearner(jdbc);
    }

    @Bean
    public CampaignEngagement campaignEngagement(CampaignLedger ledger, CustomerEvents customers,
                                                 WinBackProperties winBack, Clock clock) {
        return new CampaignEngagement(ledger, customers, winBack.attributionWindow(), clock);
    }
}
