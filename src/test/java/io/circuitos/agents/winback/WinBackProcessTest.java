package io.circuitos.agents.winback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.circuitos.agents.winback.WinBackProcess.Element;
import io.circuitos.agents.winback.WinBackProcess.Message;
import io.circuitos.agents.winback.WinBackProcess.Variable;
import io.circuitos.audit.metrics.Corrections;
import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerStore;
import io.circuitos.customers.TestCustomers;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.ProcessScenarioTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code processes/win-back.bpmn} with the real tables, churn model, ledger, templates and SMTP. */
@Deployment(resources = {"processes/win-back.bpmn", "decisions/win-back-threshold.dmn", "decisions/win-back-offer.dmn",
        "decisions/win-back-save-probability.dmn", "decisions/win-back-approval.dmn", "forms/win-back-approval.form",
        "forms/win-back-strategy-review.form"})
class WinBackProcessTest extends ProcessScenarioTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(PROCESS_TEST_ENGINE)
            .assertClassCoverageAtLeast(0.9).build();

    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private CustomerStore customers;

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @BeforeEach
    void emptyStores() {
        customers = new CustomerStore(database);
        for (String table : List.of("circuitos_customer", "circuitos_campaign_message", "circuitos_segment_cycle",
                "circuitos_strategy_change", "circuitos_save_probability_change", "circuitos_sent_email")) {
            database.update("delete from " + table);
        }
        database.update("update circuitos_segment_strategy set active = (rank_order = 1), retired_at = null");
    }

    @AfterEach
    void removeLearnedTables() {
        repositoryService().createDeploymentQuery().list().stream()
                .filter(d -> d.getName() != null && d.getName().startsWith(LearnSaveProbabilitiesTask.DECISION))
                .forEach(d -> repositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void noCandidatesEndsTheCampaignAndSaysWhy() {
        customers.upsert(TestCustomers.activeLoyal("LOYAL-1", 80), NOW);
        customers.upsert(TestCustomers.churned("OLD-1", "DSL", 60, TODAY.minusDays(200)), NOW);
        ProcessInstance campaign = start("WB-EMPTY", 10, 5000);
        runJobs(campaign);
        assertThat(campaign).isEnded().hasPassed(Element.NO_CANDIDATES).variables()
                .containsEntry("candidateCount", 0).containsEntry(Variable.CHURN_RISK_THRESHOLD, 0.6)
                .containsEntry(Variable.END_REASON, "no candidates: no churned customer in the window and no active customer above the churn-risk threshold");
    }

    @Test
    void underBudgetCampaignSendsOnePersonalEmailPerCustomerWithoutApproval() throws Exception {
        twoChurnedCustomers();
        ollama.answerByDefault(FakeOllama.Reply.json("We saved an offer for you", "Hello, we have set aside an offer for you."));
        ProcessInstance campaign = start("WB-UNDER", 10, 5000);
        runJobs(campaign);

        assertThat(campaign).hasPassed(Element.COMPUTE_ROI, Element.DECIDE_APPROVAL).hasNotPassed(Element.APPROVE_CAMPAIGN)
                .isWaitingAt(Element.WAIT_FOR_ENGAGEMENT).variables()
                .containsEntry(Variable.NEEDS_APPROVAL, false).containsEntry("selectedCount", 2)
                .containsEntry("totalOfferCost", 120.0).containsEntry("expectedRevenue", 384.0).containsEntry("campaignRoi", 264.0);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(Arrays.stream(mails).map(WinBackProcessTest::recipient)).containsExactlyInAnyOrder(
                "fiber-1@customers.example", "dsl-1@customers.example");
        assertThat(mails[0].getSubject()).isEqualTo("We saved an offer for you");
        assertThat(database.queryForList("select offer from circuitos_campaign_message where campaign_id = 'WB-UNDER' order by roi desc",
                String.class)).containsExactly("discount-20-3m", "free-upgrade-1y-contract");
        assertThat(database.queryForObject("select draft_origin from circuitos_campaign_message where customer_id = 'FIBER-1'",
                String.class)).isEqualTo("llm");

        finishEngagementWindow(campaign);
        assertThat(campaign).isEnded().hasPassed(Element.REVIEW_ENGAGEMENT, Element.LEARN_SAVE_PROBABILITIES, Element.CAMPAIGN_COMPLETED)
                .variables().containsEntry(Variable.END_REASON, "campaign sent 2 of 2 emails; engagement reviewed");
        assertThat((String) historicVariable(campaign, "strategyReview")).contains("fiber on discount: 0 of 1 engaged");
    }

    @Test
    void aCampaignCountsTheEmailsItCouldNotSend() {
        twoChurnedCustomers();
        Map<String, Long> deliveriesBefore = deliveries();
        reconfigure("spring.mail.host", "");
        ProcessInstance campaign = start("WB-NO-MAIL", 10, 5000);
        runJobs(campaign);

        assertThat(campaign).as("nothing went out: no engagement window to wait for").isEnded()
                .hasPassed(Element.SEND_EMAILS, Element.EMAIL_SENT_GATEWAY, Element.SEND_NOT_SENT, Element.COUNT_SENDS, Element.NO_EMAIL_SENT)
                .hasNotPassed(Element.SEND_END, Element.WAIT_FOR_ENGAGEMENT, Element.CAMPAIGN_COMPLETED).variables()
                .containsEntry("emailsSent", 0).containsEntry("emailsNotSent", 2)
                .containsEntry(Variable.END_REASON, "campaign sent 0 of 2 emails; 2 not sent: no mail server is configured; nothing to review");
        assertThat(activityCount(campaign, Element.SEND_NOT_SENT)).isEqualTo(2);
        assertThat(database.queryForList("select not_sent_reason from circuitos_campaign_message where campaign_id = 'WB-NO-MAIL' "
                + "and sent_at is null", String.class)).containsExactly("no mail server is configured", "no mail server is configured");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        Map<String, Long> deliveriesAfter = deliveries();
        assertThat(deliveriesAfter.getOrDefault("EmailNotSent", 0L) - deliveriesBefore.getOrDefault("EmailNotSent", 0L)).isEqualTo(2);
        assertThat(deliveriesAfter.getOrDefault("EmailSent", 0L)).isEqualTo(deliveriesBefore.getOrDefault("EmailSent", 0L));
    }

    @Test
    void aRerunWithAMailServerSendsWhatTheFirstRunCouldNotAndCountsItAsSent() {
        twoChurnedCustomers();
        reconfigure("spring.mail.host", "");
        runJobs(start("WB-LATER", 10, 5000));
        reconfigure("spring.mail.host", "127.0.0.1");

        ProcessInstance rerun = start("WB-LATER", 10, 5000);
        runJobs(rerun);
        assertThat(rerun).isWaitingAt(Element.WAIT_FOR_ENGAGEMENT).variables().containsEntry("emailsSent", 2).containsEntry("emailsNotSent", 0)
                .containsEntry("sendSummary", "campaign sent 2 of 2 emails");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(database.queryForObject("select count(*) from circuitos_campaign_message where campaign_id = 'WB-LATER' "
                + "and not_sent_reason is null and sent_at is not null", Integer.class)).isEqualTo(2);
    }

    @Test
    void overBudgetCampaignWaitsForAMarketingManagerAndGoesOutWhenApproved() {
        twoChurnedCustomers();
        ProcessInstance campaign = start("WB-APPROVE", 10, 100);
        runJobs(campaign);
        assertThat(campaign).isWaitingAt(Element.APPROVE_CAMPAIGN).variables().containsEntry(Variable.NEEDS_APPROVAL, true)
                .containsEntry(Variable.APPROVAL_RULE, "totalOfferCost - budget > 0 → needsApproval = true");
        assertThat(task(campaign)).hasCandidateGroup("marketing-managers")
                .hasName("Approve win-back campaign WB-APPROVE: 2 customers, offers 120.0 vs budget 100.0");
        assertThat((String) runtimeService().getVariable(campaign.getId(), "roiTable"))
                .contains("FIBER-1", "discount-20-3m", "204.00").contains("Campaign: 2 customers, offers cost 120.00");

        complete(task(campaign), withVariables(Variable.APPROVAL_DECISION, "approve"));
        runJobs(campaign);
        assertThat(campaign).isWaitingAt(Element.WAIT_FOR_ENGAGEMENT);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aRejectedCampaignSendsNothing() {
        twoChurnedCustomers();
        ProcessInstance campaign = start("WB-REJECT", 10, 100);
        runJobs(campaign);
        complete(task(campaign), withVariables(Variable.APPROVAL_DECISION, "reject"));
        assertThat(campaign).isEnded().hasPassed(Element.CAMPAIGN_REJECTED).hasNotPassed(Element.SEND_EMAILS);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anEditedBudgetKeepsTheBestRoiThatFitsAndSendsWithoutAskingAgain() {
        twoChurnedCustomers();
        ProcessInstance campaign = start("WB-EDIT", 10, 100);
        runJobs(campaign);
        complete(task(campaign), withVariables(Variable.APPROVAL_DECISION, "edit", Variable.BUDGET, 70.0));
        runJobs(campaign);
        assertThat(campaign).hasPassed(Element.FIT_TO_BUDGET).isWaitingAt(Element.WAIT_FOR_ENGAGEMENT).variables()
                .containsEntry("selectedCount", 1).containsEntry("excludedCount", 1).containsEntry("totalOfferCost", 60.0)
                .containsEntry(Variable.NEEDS_APPROVAL, false);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(recipient(mails[0])).isEqualTo("fiber-1@customers.example");
    }

    @Test
    void withTheLlmDownEveryCustomerGetsTheTemplateEmailAfterTheEngineRetries() {
        llmDown();
        twoChurnedCustomers();
        ProcessInstance campaign = start("WB-LLM-DOWN", 10, 5000);
        runJobsWithRetries(campaign);

        assertThat(runtimeService().createIncidentQuery().processInstanceId(campaign.getId()).count()).isZero();
        assertThat(campaign).isWaitingAt(Element.WAIT_FOR_ENGAGEMENT);
        assertThat(database.queryForList("select draft_origin from circuitos_campaign_message where campaign_id = 'WB-LLM-DOWN'",
                String.class)).containsExactly("template", "template");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(Arrays.stream(mails).map(WinBackProcessTest::subject)).contains("An offer on your bill", "More from your service");
    }

    @Test
    void aCustomerWhoseLlmBudgetIsUsedUpGetsTheTemplateEmail() {
        llmBudgetSpent();
        customers.upsert(TestCustomers.churned("FIBER-1", "Fiber optic", 100, TODAY.minusDays(10)), NOW);
        ProcessInstance campaign = start("WB-BUDGET", 10, 5000);
        runJobs(campaign);
        assertThat(campaign).hasPassed(Element.LLM_BUDGET_USED_UP, Element.DRAFT_FROM_TEMPLATE).isWaitingAt(Element.WAIT_FOR_ENGAGEMENT);
        assertThat(ollama.requests()).isEmpty();
        assertThat(subject(smtp.getReceivedMessages()[0])).isEqualTo("An offer on your bill");
    }

    @Test
    void aSecondRunOfTheSameCampaignSendsNoEmailAgain() {
        twoChurnedCustomers();
        ProcessInstance first = start("WB-ONCE", 10, 5000);
        runJobs(first);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        ProcessInstance rerun = start("WB-ONCE", 10, 5000);
        runJobs(rerun);
        assertThat(rerun).isWaitingAt(Element.WAIT_FOR_ENGAGEMENT);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(database.queryForObject("select count(*) from circuitos_campaign_message where campaign_id = 'WB-ONCE'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void twoHundredCustomersAreWorkedInTwoChunksOfOneHundredAndAllGetTheirEmail() {
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(TestCustomers.churned(String.format("MANY-%03d", i), i % 2 == 0 ? "Fiber optic" : "DSL", 40 + i, TODAY.minusDays(i % 80)));
        }
        customers.upsertAll(many, NOW);
        ProcessInstance campaign = start("WB-200", 200, 1_000_000);
        runJobs(campaign);
        assertThat(campaign).isWaitingAt(Element.WAIT_FOR_ENGAGEMENT).variables().containsEntry("candidateCount", 200)
                .containsEntry("selectedCount", 200).containsEntry("chunkSize", 100);
        assertThat(smtp.getReceivedMessages()).hasSize(200);
        assertThat(database.queryForObject("select count(*) from circuitos_campaign_message where campaign_id = 'WB-200' "
                + "and sent_at is not null", Integer.class)).isEqualTo(200);
        assertThat(activityCount(campaign, Element.PREPARE_OFFER_CHUNKS)).isEqualTo(2);
        assertThat(activityCount(campaign, Element.PREPARE_OFFERS)).isEqualTo(200);
        assertThat(activityCount(campaign, Element.SEND_EMAIL_CHUNKS)).isEqualTo(2);
        assertThat(activityCount(campaign, Element.SEND_EMAILS)).isEqualTo(200);
        // start, then per chunk phase: one job before and one after each chunk (2 phases x 2 chunks x 2)
        assertThat(processEngine().getHistoryService().createHistoricJobLogQuery().processInstanceId(campaign.getId())
                .successLog().count()).isEqualTo(1 + 2 * 2 * 2);
        assertThat(processEngine().getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(campaign.getId())
                .decisionDefinitionKey("win-back-offer").count()).as("each customer's offer decision is in the run's trail").isEqualTo(200);
    }

    @Test
    void aChunkRetriedAfterOneEmailFailedSendsTheOthersOfItsChunkOnlyOnce() {
        Customer unreachable = TestCustomers.churned("BROKEN-1", "Fiber optic", 90, TODAY.minusDays(5));
        customers.upsert(TestCustomers.churned("FIBER-TOP", "Fiber optic", 120, TODAY.minusDays(5)), NOW);
        customers.upsert(new Customer(unreachable.id(), unreachable.name(), "broken@[customers.example", unreachable.attributes(),
                unreachable.status(), unreachable.churnedOn(), unreachable.churnDateSource()), NOW);
        customers.upsert(TestCustomers.churned("FIBER-3", "Fiber optic", 60, TODAY.minusDays(5)), NOW);
        Map<String, Object> variables = new HashMap<>(Map.of(Variable.CAMPAIGN_ID, "WB-RETRY", Variable.WINDOW_DAYS, 90L,
                Variable.TOP_N, 10L, Variable.BUDGET, 1_000_000.0, "chunkSize", 2));
        ProcessInstance campaign = correlateStart(Message.WIN_BACK_CAMPAIGN_REQUESTED, "WB-RETRY", variables);

        runJobsWithRetries(campaign);

        List<String> recipients = Arrays.stream(smtp.getReceivedMessages()).map(WinBackProcessTest::recipient).toList();
        assertThat(recipients).as("FIBER-TOP shares the failing chunk, which ran three times")
                .containsExactlyInAnyOrder("fiber-top@customers.example", "fiber-3@customers.example");
        Job failed = managementService().createJobQuery().processInstanceId(campaign.getId()).withException().singleResult();
        assertThat(failed.getRetries()).as("retried by the engine until no retry is left").isZero();
        assertThat(failed.getExceptionMessage()).contains("win-back:BROKEN-1 to broken@[customers.example not sent");
        assertThat(database.queryForObject("select count(*) from circuitos_sent_email where process_instance_id = 'win-back:WB-RETRY'",
                Integer.class)).isEqualTo(2);
    }

    /** What the audit view counts as the send tasks' own results for win-back (EmailSent, EmailNotSent). */
    @SuppressWarnings("unchecked")
    private Map<String, Long> deliveries() {
        return (Map<String, Long>) new io.circuitos.audit.metrics.AgentAudit(processEngine()).metrics(WinBackProcess.KEY, 30)
                .get("deliveries");
    }

    private long activityCount(ProcessInstance instance, String activityId) {
        return processEngine().getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).count();
    }

    @Test
    void activeCustomersAtRiskAreChosenByTheThresholdAndRankedByExpectedValue() {
        customers.upsert(TestCustomers.activeAtRisk("RISK-HIGH", 110), NOW);
        customers.upsert(TestCustomers.activeAtRisk("RISK-LOW", 30), NOW);
        customers.upsert(TestCustomers.activeLoyal("LOYAL-1", 110), NOW);
        ProcessInstance campaign = start("WB-RISK", 1, 5000);
        runJobs(campaign);
        assertThat(campaign).variables().containsEntry("activeAtRisk", 2).containsEntry("candidateCount", 1);
        assertThat(database.queryForList("select customer_id from circuitos_campaign_message where campaign_id = 'WB-RISK'",
                String.class)).containsExactly("RISK-HIGH");
        assertThat(database.queryForObject("select churn_risk from circuitos_campaign_message where customer_id = 'RISK-HIGH'",
                Double.class)).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void threeCyclesBelowEightyPercentOfBaselineRotateTheSegmentToItsNextStrategy() {
        for (int cycle = 1; cycle <= 3; cycle++) {
            for (int i = 0; i < 5; i++) {
                customers.upsert(TestCustomers.churned("C" + cycle + "-F" + i, "Fiber optic", 100, TODAY.minusDays(5)), NOW);
            }
            ProcessInstance campaign = start("WB-CYCLE-" + cycle, 5, 5000);
            runJobs(campaign);
            finishEngagementWindow(campaign);
            assertThat(campaign).isEnded().hasPassed(Element.CAMPAIGN_COMPLETED);
            database.update("update circuitos_customer set status = 'active', churned_on = null");
        }
        assertThat(new StrategyStore(database).currentStrategy("fiber")).isEqualTo("upgrade");
        Map<String, Object> change = database.queryForMap("select * from circuitos_strategy_change");
        assertThat(change).containsEntry("ACTION", "rotated").containsEntry("FROM_STRATEGY", "discount")
                .containsEntry("TO_STRATEGY", "upgrade").containsEntry("CAMPAIGN_ID", "WB-CYCLE-3");
        assertThat((String) change.get("REASON")).contains("3 consecutive cycles below 80 % of the 30.0 % baseline ([0/5, 0/5, 0/5])");
        assertThat(((Number) change.get("CONFIDENCE")).doubleValue()).isGreaterThan(0.8);

        Corrections corrections = new WinBackAutonomy(new StrategyStore(database)).corrections(Instant.EPOCH);
        assertThat(corrections.rotations()).singleElement().satisfies(rotation -> {
            assertThat(rotation.segment()).isEqualTo("fiber");
            assertThat(rotation.fromStrategy()).isEqualTo("discount");
            assertThat(rotation.toStrategy()).isEqualTo("upgrade");
            assertThat(rotation.campaignId()).isEqualTo("WB-CYCLE-3");
        });
        assertThat(corrections.escalations()).isEmpty();
        assertThat(corrections.segments()).filteredOn(s -> s.segment().equals("fiber")).singleElement().satisfies(fiber -> {
            assertThat(fiber.strategy()).isEqualTo("upgrade");
            assertThat(fiber.lastEngagement()).as("no campaign on upgrade yet").isNull();
        });
        assertThat(new WinBackAutonomy(new StrategyStore(database)).corrections(ClockUtil.getCurrentTime().toInstant().plusSeconds(1))
                .rotations()).as("none since a later moment").isEmpty();
    }

    @Test
    void aSegmentWithNoStrategyLeftIsEscalatedToAdmins() {
        database.update("update circuitos_segment_strategy set active = (strategy = 'discount'), "
                + "retired_at = case when strategy = 'loyalty-call' then current_timestamp else null end where segment = 'phone-only'");
        ProcessInstance last = null;
        for (int cycle = 1; cycle <= 3; cycle++) {
            for (int i = 0; i < 5; i++) {
                customers.upsert(TestCustomers.churned("P" + cycle + "-" + i, "No", 30, TODAY.minusDays(5)), NOW);
            }
            last = start("WB-PHONE-" + cycle, 5, 5000);
            runJobs(last);
            finishEngagementWindow(last);
            database.update("update circuitos_customer set status = 'active', churned_on = null");
        }
        assertThat(last).isWaitingAt(Element.REVIEW_STRATEGY);
        assertThat(task(last)).hasCandidateGroup("admins").hasName("Win-back strategy needs a decision after campaign WB-PHONE-3");
        assertThat((String) runtimeService().getVariable(last.getId(), "strategyReview"))
                .contains("escalated: phone-only has no strategy left after discount");
        assertThat(database.queryForObject("select action from circuitos_strategy_change", String.class)).isEqualTo("escalated");
        Corrections corrections = new WinBackAutonomy(new StrategyStore(database)).corrections(Instant.EPOCH);
        assertThat(corrections.rotations()).isEmpty();
        assertThat(corrections.escalations()).singleElement().satisfies(escalation -> {
            assertThat(escalation.segment()).isEqualTo("phone-only");
            assertThat(escalation.fromStrategy()).isEqualTo("discount");
            assertThat(escalation.toStrategy()).isNull();
        });
        assertThat(corrections.segments()).filteredOn(s -> s.segment().equals("phone-only")).singleElement()
                .satisfies(phone -> assertThat(phone.lastEngagement()).isNotNull());
        complete(task(last), withVariables(Variable.ADMIN_DECISION, "change", Variable.ADMIN_NOTE, "analysts to add an offer"));
        assertThat(last).isEnded().hasPassed(Element.STRATEGY_CHANGE_REQUESTED).variables()
                .containsEntry(Variable.END_REASON, "escalated: the admin asked analysts to change the strategies or offers");
    }

    @Test
    void thinEvidenceIsEscalatedInsteadOfRotatingAndTheAdminMayKeepTheStrategy() {
        ProcessInstance last = null;
        for (int cycle = 1; cycle <= 3; cycle++) {
            customers.upsert(TestCustomers.churned("T" + cycle, "Fiber optic", 100, TODAY.minusDays(5)), NOW);
            last = start("WB-THIN-" + cycle, 1, 5000);
            runJobs(last);
            finishEngagementWindow(last);
            database.update("update circuitos_customer set status = 'active', churned_on = null");
        }
        assertThat(new StrategyStore(database).currentStrategy("fiber")).isEqualTo("discount");
        Map<String, Object> change = database.queryForMap("select * from circuitos_strategy_change");
        assertThat(change).containsEntry("ACTION", "escalated");
        assertThat(((Number) change.get("CONFIDENCE")).doubleValue()).isLessThan(0.5);
        complete(task(last), withVariables(Variable.ADMIN_DECISION, "keep", Variable.ADMIN_NOTE, "one customer is no evidence"));
        assertThat(last).isEnded().hasPassed(Element.STRATEGY_KEPT).variables()
                .containsEntry(Variable.END_REASON, "escalated: the admin keeps the current strategies");
        assertThat(new StrategyStore(database).currentStrategy("fiber")).isEqualTo("discount");
    }

    @Test
    void observedReactivationsUpdateTheSaveProbabilityTableAsANewRecordedVersion() {
        List<Customer> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(TestCustomers.churned(String.format("R-%02d", i), "Fiber optic", 100, TODAY.minusDays(3)));
        }
        customers.upsertAll(many, NOW);
        ProcessInstance campaign = start("WB-LEARN", 30, 1_000_000);
        runJobs(campaign);
        database.update("update circuitos_campaign_message set reactivated_at = current_timestamp "
                + "where campaign_id = 'WB-LEARN' and customer_id < 'R-15'");
        finishEngagementWindow(campaign);

        Map<String, Object> change = database.queryForMap("select * from circuitos_save_probability_change");
        // (0.22 × 50 + 15) / (50 + 30) = 0.325
        assertThat(change).containsEntry("SEGMENT", "fiber").containsEntry("OFFER", "discount-20-3m")
                .containsEntry("SENT", 30).containsEntry("REACTIVATED", 15);
        assertThat(((Number) change.get("NEW_PROBABILITY")).doubleValue()).isEqualTo(0.325);
        assertThat((String) historicVariable(campaign, "saveProbabilitySummary")).contains("fiber / discount-20-3m: 0.2200 → 0.3250");
        double learned = processEngine().getDecisionService().evaluateDecisionTableByKey(LearnSaveProbabilitiesTask.DECISION,
                Map.of("segment", "fiber", "offer", "discount-20-3m")).getSingleResult().getSingleEntry();
        assertThat(learned).isEqualTo(0.325);
    }

    @Test
    void theWeeklyTimerStartsACampaignOnMondayAtNineWithTheDefaults() {
        Job timer = managementService().createJobQuery().processDefinitionKey(WinBackProcess.KEY).timers().singleResult();
        assertThat(timer.getProcessInstanceId()).isNull();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());
        var campaign = processEngine().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(WinBackProcess.KEY).singleResult();
        assertThat(campaign.getBusinessKey()).isEqualTo("WB-2026-11-23-0900");
        assertThat(campaign.getStartActivityId()).isEqualTo(Element.WEEKLY_SCHEDULE);
        Map<String, Object> variables = new HashMap<>();
        processEngine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(campaign.getId()).list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        assertThat(variables).containsEntry("trigger", "schedule").containsEntry(Variable.WINDOW_DAYS, 90.0)
                .containsEntry(Variable.TOP_N, 100.0).containsEntry(Variable.BUDGET, 5000.0).containsEntry("candidateCount", 0);
    }

    private void twoChurnedCustomers() {
        customers.upsert(TestCustomers.churned("FIBER-1", "Fiber optic", 100, TODAY.minusDays(10)), NOW);
        customers.upsert(TestCustomers.churned("DSL-1", "DSL", 50, TODAY.minusDays(20)), NOW);
    }

    private static ProcessInstance start(String campaignId, long topN, double budget) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variable.CAMPAIGN_ID, campaignId);
        variables.put(Variable.WINDOW_DAYS, 90L);
        variables.put(Variable.TOP_N, topN);
        variables.put(Variable.BUDGET, budget);
        return correlateStart(Message.WIN_BACK_CAMPAIGN_REQUESTED, campaignId, variables);
    }

    private static void finishEngagementWindow(ProcessInstance campaign) {
        Job window = managementService().createJobQuery().processInstanceId(campaign.getId()).activityId(Element.WAIT_FOR_ENGAGEMENT).singleResult();
        ClockUtil.setCurrentTime(window.getDuedate());
        managementService().executeJob(window.getId());
        runJobs(campaign);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
