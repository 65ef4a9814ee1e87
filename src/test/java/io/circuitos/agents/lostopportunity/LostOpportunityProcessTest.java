package io.circuitos.agents.lostopportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.circuitos.agents.lostopportunity.LostOpportunityProcess.Element;
import io.circuitos.agents.lostopportunity.LostOpportunityProcess.Variable;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.ProcessScenarioTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code processes/lost-opportunity.bpmn} with the real delegates, the real
 * reactivation model and the real band table; flow-node coverage must reach 90 %.
 */
@Deployment(resources = {"processes/lost-opportunity.bpmn", "decisions/lost-opportunity-band.dmn",
        "forms/lost-opportunity-reengage.form"})
class LostOpportunityProcessTest extends ProcessScenarioTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(PROCESS_TEST_ENGINE)
            .assertClassCoverageAtLeast(0.9).build();

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @Test
    void urgentLeadGoesToRepWithDraftedEmailAndAlertsTheChannel() throws Exception {
        ProcessInstance instance = start(SampleOpportunities.urgent());

        assertThat(instance).hasPassed(Element.SCORE_REACTIVATION, Element.BAND_OPPORTUNITY, Element.DRAFT_REENGAGEMENT_EMAIL)
                .isWaitingAt(Element.REENGAGE_OPPORTUNITY)
                .variables()
                .containsEntry(Variable.BAND, "urgent")
                .containsEntry(Variable.DRAFT_ORIGIN, "llm")
                .containsEntry(Variable.GUARD_RESULT, "passed")
                .containsEntry(Variable.BAND_RULE, "reactivationScore >= 80 → band = urgent")
                .containsKeys(Variable.REACTIVATION_SCORE, Variable.REACTIVATION_PROBABILITY, Variable.MODEL_VERSION, Variable.TOP_FEATURES, Variable.EMAIL_DRAFT);
        Map<String, Object> variables = runtimeService().getVariables(instance.getId());
        assertThat((Double) variables.get(Variable.REACTIVATION_SCORE)).isGreaterThanOrEqualTo(80.0);
        assertThat((String) variables.get(Variable.MODEL_VERSION)).startsWith("lost-opportunity-reactivation ");
        assertThat((String) variables.get(Variable.TOP_FEATURES)).contains("previousOutcome=success");
        assertThat((String) variables.get(Variable.EMAIL_DRAFT)).isEqualTo("Subject: Picking up where we left off\n\nHi, would a short call next week work?");
        assertThat((String) variables.get("llmCallLog")).contains("\"template\":\"lost-opportunity-reengagement.v2\"")
                .contains("\"model\":\"llama3.2:3b\"").contains("\"promptTokens\":120").contains("\"outputTokens\":80");
        assertThat(ollama.requests().get(0).at("/messages/1/content").asText()).contains("Dana Whitfield").contains("GymFlow");

        Task task = task(Element.REENGAGE_OPPORTUNITY);
        assertThat(task).hasCandidateGroup("sales-reps").hasName("Re-engage lost opportunity: Northwind Fitness (OPP-T-URGENT)");
        assertThat(deployedForm(task)).contains("\"id\": \"lost-opportunity-reengage\"").contains("emailDraft").contains("bandRule");
        assertThat(task.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(24))));

        assertThat(channels.posts("/sales-reps")).anySatisfy(post ->
                assertThat(post.body()).contains("OPP-T-URGENT").contains("Northwind Fitness"));
        assertThat(instance).variables().containsEntry(Variable.REPS_ALERTED, true);

        complete(task, withVariables(Variable.OUTCOME, "send", Variable.EMAIL_DRAFT, "Subject: Hello again\n\nEdited by the rep"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed(Element.SEND_REENGAGEMENT_EMAIL, Element.EMAIL_SENT, Element.REPS_ALERTED)
                .variables().containsEntry(Variable.END_REASON, "email sent").containsEntry(Variable.EMAIL_SENT, true);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("dana@northwind.example");
        assertThat(received[0].getSubject()).isEqualTo("Hello again");
        assertThat(GreenMailUtil.getBody(received[0]).strip()).isEqualTo("Edited by the rep");
    }

    @Test
    void aDraftThatBreaksTheGuardIsRegeneratedOnceThenReplacedByTheTemplate() {
        ollama.enqueue(FakeOllama.Reply.json("Come back", "We guarantee a 30% discount."),
                FakeOllama.Reply.json("Come back", "I promise you will love it."));
        ProcessInstance instance = start(SampleOpportunities.urgent());

        assertThat(ollama.requests()).hasSize(2);
        assertThat(instance).isWaitingAt(Element.REENGAGE_OPPORTUNITY).variables()
                .containsEntry(Variable.DRAFT_ORIGIN, "template")
                .containsEntry("llmCalls", 2);
        Map<String, Object> variables = runtimeService().getVariables(instance.getId());
        assertThat((String) variables.get(Variable.DRAFT_NOTE)).startsWith("Template (no AI draft): the model's answer failed the guard").contains("promise");
        assertThat((String) variables.get(Variable.EMAIL_DRAFT)).contains("Dana Whitfield").contains("GymFlow").doesNotContain("guarantee");
        assertThat((String) variables.get("llmCallLog")).contains("guard failed");
    }

    @Test
    void withOllamaDownTheRepStillGetsTheTaskWithATemplateDraft() throws Exception {
        llmDown();
        ProcessInstance instance = start(SampleOpportunities.urgent());

        assertThat(instance).isWaitingAt(Element.REENGAGE_OPPORTUNITY).variables().containsEntry(Variable.DRAFT_ORIGIN, "template");
        assertThat((String) runtimeService().getVariable(instance.getId(), Variable.DRAFT_NOTE)).contains("could not be reached").doesNotContain("Exception");
        assertThat(task(Element.REENGAGE_OPPORTUNITY)).hasCandidateGroup("sales-reps");
    }

    @Test
    void anUnreachableModelIsRetriedByTheEngineAndTheLastRetryFallsBackWithoutAnIncident() throws Exception {
        llmDown();
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(LostOpportunityProcess.KEY, "OPP-T-RETRY",
                SampleOpportunities.urgent());
        assertThat(instance).isWaitingAt(Element.OPPORTUNITY_CLOSED_LOST);
        execute(job());
        Job draft = job(Element.DRAFT_REENGAGEMENT_EMAIL);
        // as under the job executor: the engine tells the delegate which retry this is
        Context.setJobExecutorContext(new JobExecutorContext());
        try {
            for (int retriesLeft = 2; retriesLeft >= 1; retriesLeft--) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(draft.getId()));
                assertThat(managementService().createJobQuery().jobId(draft.getId()).singleResult().getRetries()).isEqualTo(retriesLeft);
            }
            managementService().executeJob(draft.getId());
        } finally {
            Context.removeJobExecutorContext();
        }
        assertThat(instance).isWaitingAt(Element.REENGAGE_OPPORTUNITY).variables().containsEntry(Variable.DRAFT_ORIGIN, "template");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void overTheLlmBudgetTheProcessDraftsFromTheTemplate() {
        llmBudgetSpent();
        ProcessInstance instance = start(SampleOpportunities.urgent());

        assertThat(instance).hasPassed(Element.LLM_BUDGET_EXCEEDED, Element.DRAFT_FROM_TEMPLATE, Element.DRAFT_READY).isWaitingAt(Element.REENGAGE_OPPORTUNITY)
                .variables().containsEntry(Variable.DRAFT_ORIGIN, "template")
                .containsEntry(Variable.DRAFT_NOTE, "Template (no AI draft): the LLM budget of this instance is used up.");
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void unclaimedUrgentTaskEscalatesToSalesManagersAfter24Hours() {
        ProcessInstance instance = start(SampleOpportunities.urgent());
        Job sla = managementService().createJobQuery().processInstanceId(instance.getId()).activityId(Element.SLA_MISSED).singleResult();
        assertThat(sla.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(24))));

        int repPriority = task(Element.REENGAGE_OPPORTUNITY).getPriority();
        assertThat(repPriority).as("urgent: above Tasklist's default").isGreaterThan(org.camunda.bpm.engine.task.Task.PRIORITY_NORMAL);

        execute(sla);
        assertThat(instance).hasPassed(Element.SLA_MISSED).isWaitingAt(Element.REENGAGE_ESCALATED);
        assertThat(task(Element.REENGAGE_ESCALATED).getPriority()).as("the missed SLA outranks the rep's task").isGreaterThan(repPriority);
        assertThat(task(Element.REENGAGE_ESCALATED)).hasCandidateGroup("sales-managers")
                .hasName("Escalated: re-engage lost opportunity: Northwind Fitness (OPP-T-URGENT)");

        complete(task(Element.REENGAGE_ESCALATED), withVariables(Variable.OUTCOME, "disqualify", Variable.DISQUALIFY_REASON, "went bankrupt"));
        assertThat(instance).isEnded().hasPassed(Element.DISQUALIFIED).hasNotPassed(Element.EMAIL_SENT)
                .variables().containsEntry(Variable.END_REASON, "disqualified by rep: went bankrupt").containsEntry(Variable.DISQUALIFY_REASON, "went bankrupt");
    }

    @Test
    void snoozedLeadComesBackToTheRepAfterTheChosenDelay() {
        ProcessInstance instance = start(SampleOpportunities.urgent());
        complete(task(Element.REENGAGE_OPPORTUNITY), withVariables(Variable.OUTCOME, "snooze", Variable.SNOOZE_FOR, "P1D"));

        assertThat(instance).isWaitingAt(Element.SNOOZE_OVER);
        Job snooze = job(Element.SNOOZE_OVER);
        assertThat(snooze.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(1))));
        execute(snooze);

        assertThat(instance).isWaitingAt(Element.REENGAGE_OPPORTUNITY);
        complete(task(Element.REENGAGE_OPPORTUNITY), withVariables(Variable.OUTCOME, "send"));
        execute(job(Element.SEND_REENGAGEMENT_EMAIL));
        // the same step once more in this instance, as a retried job would: nothing is sent twice
        runtimeService().createProcessInstanceModification(instance.getId()).startBeforeActivity(Element.SEND_REENGAGEMENT_EMAIL).execute();
        for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).activityId(Element.SEND_REENGAGEMENT_EMAIL).list()) {
            managementService().executeJob(job.getId());
        }
        for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).activityId(Element.SEND_REENGAGEMENT_EMAIL).list()) {
            managementService().executeJob(job.getId());
        }
        assertThat(instance).isEnded().hasPassed(Element.SNOOZE_OVER, Element.EMAIL_SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void highScoreLeadIsNurturedWithThreeFollowUpsAtTheSendTime() {
        ProcessInstance instance = start(SampleOpportunities.high());
        assertThat(instance).hasPassed(Element.BAND_OPPORTUNITY).hasNotPassed(Element.DRAFT_REENGAGEMENT_EMAIL)
                .variables().containsEntry(Variable.BAND, "high");

        ZonedDateTime expected = ZonedDateTime.parse("2026-11-24T10:00:00Z");
        for (int followUp = 1; followUp <= 3; followUp++) {
            assertThat(instance).isWaitingAt(Element.FOLLOW_UP_DUE);
            Job timer = job(Element.FOLLOW_UP_DUE);
            ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneOffset.UTC);
            assertThat(due.getHour()).isEqualTo(10);
            assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            if (followUp == 1) {
                assertThat(due).isEqualTo(expected);
            }
            ClockUtil.setCurrentTime(timer.getDuedate());
            runJobs(instance);
        }
        assertThat(instance).isEnded().hasPassed(Element.NURTURED)
                .variables().containsEntry(Variable.FOLLOW_UPS_SENT, 3L)
                .containsEntry(Variable.END_REASON, "nurture sequence completed: 3 of 3 follow-ups posted to the nurture channel");
        assertThat(channels.posts("/nurture").stream().filter(p -> p.body().contains("OPP-T-HIGH"))).hasSize(3);
    }

    @Test
    void aRepWhoseEmailCouldNotBeSentKeepsTheTaskWithTheReason() {
        reconfigure("spring.mail.host", "");
        ProcessInstance instance = start(SampleOpportunities.urgent());
        complete(task(Element.REENGAGE_OPPORTUNITY), withVariables(Variable.OUTCOME, "send"));
        runJobs(instance);

        assertThat(instance).as("not ended: the rep has the task again").isWaitingAt(Element.REENGAGE_OPPORTUNITY)
                .hasPassed(Element.SEND_REENGAGEMENT_EMAIL, Element.EMAIL_SENT_GATEWAY).hasNotPassed(Element.EMAIL_SENT)
                .variables().containsEntry(Variable.EMAIL_SENT, false)
                .containsEntry(Variable.EMAIL_NOT_SENT_REASON, "no mail server is configured");
        assertThat(deployedForm(task(Element.REENGAGE_OPPORTUNITY))).contains("emailNotSentReason").contains("sentByRep");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        complete(task(Element.REENGAGE_OPPORTUNITY), withVariables(Variable.OUTCOME, "sentByRep"));
        assertThat(instance).isEnded().hasPassed(Element.EMAIL_SENT_BY_REP).hasNotPassed(Element.EMAIL_SENT).variables()
                .containsEntry(Variable.END_REASON, "email sent by the rep (circuitos could not send it: no mail server is configured)");
    }

    @Test
    void theTrailSaysEmailNotSentAndRepsNotAlertedWhenNothingWasConfigured() {
        reconfigure("circuitos.channels.sales-reps.url", "");
        ProcessInstance instance = start(SampleOpportunities.urgent());

        assertThat(instance).hasPassed(Element.ALERT_SALES_REPS, Element.REPS_NOT_ALERTED).hasNotPassed(Element.REPS_ALERTED)
                .variables().containsEntry(Variable.REPS_ALERTED, false);
        java.util.List<String> path = BpmnAwareTests.historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .list().stream().map(a -> a.getActivityName()).filter(java.util.Objects::nonNull).toList();
        assertThat(path).contains("Reps not alerted (the task waits in Tasklist)").doesNotContain("Reps alerted");
    }

    @Test
    void nurtureFollowUpsThatReachedNoChannelAreNotCountedAsPosted() {
        reconfigure("circuitos.channels.nurture.url", "");
        ProcessInstance instance = start(SampleOpportunities.high());
        for (int followUp = 1; followUp <= 3; followUp++) {
            ClockUtil.setCurrentTime(job(Element.FOLLOW_UP_DUE).getDuedate());
            runJobs(instance);
        }
        assertThat(instance).isEnded().hasPassed(Element.NURTURED).variables()
                .containsEntry(Variable.END_REASON, "nurture sequence completed: 0 of 3 follow-ups posted to the nurture channel");
    }

    @Test
    void withoutAnAiModelTheDraftSaysPlainlyItIsATemplateAndNamesNoSetting() {
        reconfigure("circuitos.llm.base-url", "");
        ProcessInstance instance = start(SampleOpportunities.urgent());

        assertThat(instance).isWaitingAt(Element.REENGAGE_OPPORTUNITY).variables()
                .containsEntry(Variable.DRAFT_ORIGIN, "template")
                .containsEntry(Variable.DRAFT_NOTE, "Template (no AI draft): no AI model is configured")
                .containsEntry(Variable.GUARD_RESULT, null);
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void lowScoreLeadEndsIgnoredWithTheMatchedRuleAsReason() {
        ProcessInstance instance = start(SampleOpportunities.ignore());
        assertThat(instance).isEnded().hasPassed(Element.IGNORED).hasNotPassed(Element.DRAFT_REENGAGEMENT_EMAIL, Element.PLAN_FOLLOW_UP)
                .variables()
                .containsEntry(Variable.BAND, "ignore")
                .containsEntry(Variable.END_REASON, "ignored: reactivationScore < 60 → band = ignore");
    }

    @Test
    void failingAlertChannelIsRetriedByTheEngineWhileTheRepAlreadyHasTheTask() {
        channels.respondWith(500);
        try {
            ProcessInstance instance = start(SampleOpportunities.urgent()); // the alert job has run once, as the job executor would
            Job retried = job(Element.ALERT_SALES_REPS);
            assertThat(retried.getRetries()).isEqualTo(2);
            assertThat(retried.getExceptionMessage()).isNotNull();
            assertThat(task(Element.REENGAGE_OPPORTUNITY)).isNotNull();
            assertThat(instance).isWaitingAt(Element.REENGAGE_OPPORTUNITY, Element.ALERT_SALES_REPS);
        } finally {
            channels.respondWith(200);
        }
    }

    private static String deployedForm(Task task) {
        try (java.io.InputStream form = BpmnAwareTests.formService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ProcessInstance start(Map<String, Object> variables) {
        return start(LostOpportunityProcess.KEY, (String) variables.get(Variable.OPPORTUNITY_ID), variables);
    }
}
