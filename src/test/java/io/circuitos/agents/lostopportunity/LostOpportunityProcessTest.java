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

        assertThat(instance).hasPassed("ScoreReactivation", "BandOpportunity", "DraftReengagementEmail")
                .isWaitingAt("ReengageOpportunity")
                .variables()
                .containsEntry("band", "urgent")
                .containsEntry("draftOrigin", "llm")
                .containsEntry("guardResult", "passed")
                .containsEntry("bandRule", "reactivationScore >= 80 → band = urgent")
                .containsKeys("reactivationScore", "reactivationProbability", "modelVersion", "topFeatures", "emailDraft");
        Map<String, Object> variables = runtimeService().getVariables(instance.getId());
        assertThat((Double) variables.get("reactivationScore")).isGreaterThanOrEqualTo(80.0);
        assertThat((String) variables.get("modelVersion")).startsWith("lost-opportunity-reactivation ");
        assertThat((String) variables.get("topFeatures")).contains("previousOutcome=success");
        assertThat((String) variables.get("emailDraft")).isEqualTo("Subject: Picking up where we left off\n\nHi, would a short call next week work?");
        assertThat((String) variables.get("llmCallLog")).contains("\"template\":\"lost-opportunity-reengagement.v1\"")
                .contains("\"model\":\"llama3.2:3b\"").contains("\"promptTokens\":120").contains("\"outputTokens\":80");
        assertThat(ollama.requests().get(0).at("/messages/1/content").asText()).contains("Dana Whitfield").contains("GymFlow");

        Task task = task("ReengageOpportunity");
        assertThat(task).hasCandidateGroup("sales-reps").hasName("Re-engage lost opportunity: Northwind Fitness (OPP-T-URGENT)");
        assertThat(deployedForm(task)).contains("\"id\": \"lost-opportunity-reengage\"").contains("emailDraft").contains("bandRule");
        assertThat(task.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(24))));

        assertThat(channels.posts("/sales-reps")).anySatisfy(post ->
                assertThat(post.body()).contains("OPP-T-URGENT").contains("Northwind Fitness"));
        assertThat(instance).variables().containsEntry("repsAlerted", true);

        complete(task, withVariables("outcome", "send", "emailDraft", "Subject: Hello again\n\nEdited by the rep"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("SendReengagementEmail", "EmailSent", "RepsAlerted")
                .variables().containsEntry("endReason", "email sent").containsEntry("emailSent", true);
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
        assertThat(instance).isWaitingAt("ReengageOpportunity").variables()
                .containsEntry("draftOrigin", "template")
                .containsEntry("llmCalls", 2);
        Map<String, Object> variables = runtimeService().getVariables(instance.getId());
        assertThat((String) variables.get("draftNote")).startsWith("Template draft: the model's answer failed the guard").contains("promise");
        assertThat((String) variables.get("emailDraft")).contains("Dana Whitfield").contains("GymFlow").doesNotContain("guarantee");
        assertThat((String) variables.get("llmCallLog")).contains("guard failed");
    }

    @Test
    void withOllamaDownTheRepStillGetsTheTaskWithATemplateDraft() throws Exception {
        llmDown();
        ProcessInstance instance = start(SampleOpportunities.urgent());

        assertThat(instance).isWaitingAt("ReengageOpportunity").variables().containsEntry("draftOrigin", "template");
        assertThat((String) runtimeService().getVariable(instance.getId(), "draftNote")).contains("ConnectException");
        assertThat(task("ReengageOpportunity")).hasCandidateGroup("sales-reps");
    }

    @Test
    void anUnreachableModelIsRetriedByTheEngineAndTheLastRetryFallsBackWithoutAnIncident() throws Exception {
        llmDown();
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("lost-opportunity", "OPP-T-RETRY",
                SampleOpportunities.urgent());
        assertThat(instance).isWaitingAt("OpportunityClosedLost");
        execute(job());
        Job draft = job("DraftReengagementEmail");
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
        assertThat(instance).isWaitingAt("ReengageOpportunity").variables().containsEntry("draftOrigin", "template");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void overTheLlmBudgetTheProcessDraftsFromTheTemplate() {
        llmBudgetSpent();
        ProcessInstance instance = start(SampleOpportunities.urgent());

        assertThat(instance).hasPassed("LlmBudgetExceeded", "DraftFromTemplate", "DraftReady").isWaitingAt("ReengageOpportunity")
                .variables().containsEntry("draftOrigin", "template")
                .containsEntry("draftNote", "Template draft: the LLM budget of this instance is used up.");
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void unclaimedUrgentTaskEscalatesToSalesManagersAfter24Hours() {
        ProcessInstance instance = start(SampleOpportunities.urgent());
        Job sla = managementService().createJobQuery().processInstanceId(instance.getId()).activityId("SlaMissed").singleResult();
        assertThat(sla.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(24))));

        execute(sla);
        assertThat(instance).hasPassed("SlaMissed").isWaitingAt("ReengageEscalated");
        assertThat(task("ReengageEscalated")).hasCandidateGroup("sales-managers")
                .hasName("Escalated: re-engage lost opportunity: Northwind Fitness (OPP-T-URGENT)");

        complete(task("ReengageEscalated"), withVariables("outcome", "disqualify", "disqualifyReason", "went bankrupt"));
        assertThat(instance).isEnded().hasPassed("Disqualified").hasNotPassed("EmailSent")
                .variables().containsEntry("endReason", "disqualified by rep: went bankrupt").containsEntry("disqualifyReason", "went bankrupt");
    }

    @Test
    void snoozedLeadComesBackToTheRepAfterTheChosenDelay() {
        ProcessInstance instance = start(SampleOpportunities.urgent());
        complete(task("ReengageOpportunity"), withVariables("outcome", "snooze", "snoozeFor", "P1D"));

        assertThat(instance).isWaitingAt("SnoozeOver");
        Job snooze = job("SnoozeOver");
        assertThat(snooze.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(1))));
        execute(snooze);

        assertThat(instance).isWaitingAt("ReengageOpportunity");
        complete(task("ReengageOpportunity"), withVariables("outcome", "send"));
        execute(job("SendReengagementEmail"));
        // the same step once more in this instance, as a retried job would: nothing is sent twice
        runtimeService().createProcessInstanceModification(instance.getId()).startBeforeActivity("SendReengagementEmail").execute();
        for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).activityId("SendReengagementEmail").list()) {
            managementService().executeJob(job.getId());
        }
        for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).activityId("SendReengagementEmail").list()) {
            managementService().executeJob(job.getId());
        }
        assertThat(instance).isEnded().hasPassed("SnoozeOver", "EmailSent");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void highScoreLeadIsNurturedWithThreeFollowUpsAtTheSendTime() {
        ProcessInstance instance = start(SampleOpportunities.high());
        assertThat(instance).hasPassed("BandOpportunity").hasNotPassed("DraftReengagementEmail")
                .variables().containsEntry("band", "high");

        ZonedDateTime expected = ZonedDateTime.parse("2026-11-24T10:00:00Z");
        for (int followUp = 1; followUp <= 3; followUp++) {
            assertThat(instance).isWaitingAt("FollowUpDue");
            Job timer = job("FollowUpDue");
            ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneOffset.UTC);
            assertThat(due.getHour()).isEqualTo(10);
            assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            if (followUp == 1) {
                assertThat(due).isEqualTo(expected);
            }
            ClockUtil.setCurrentTime(timer.getDuedate());
            runJobs(instance);
        }
        assertThat(instance).isEnded().hasPassed("Nurtured")
                .variables().containsEntry("followUpsSent", 3L).containsEntry("endReason", "nurture sequence completed");
        assertThat(channels.posts("/nurture").stream().filter(p -> p.body().contains("OPP-T-HIGH"))).hasSize(3);
    }

    @Test
    void lowScoreLeadEndsIgnoredWithTheMatchedRuleAsReason() {
        ProcessInstance instance = start(SampleOpportunities.ignore());
        assertThat(instance).isEnded().hasPassed("Ignored").hasNotPassed("DraftReengagementEmail", "PlanFollowUp")
                .variables()
                .containsEntry("band", "ignore")
                .containsEntry("endReason", "ignored: reactivationScore < 60 → band = ignore");
    }

    @Test
    void failingAlertChannelIsRetriedByTheEngineWhileTheRepAlreadyHasTheTask() {
        channels.respondWith(500);
        try {
            ProcessInstance instance = start(SampleOpportunities.urgent()); // the alert job has run once, as the job executor would
            Job retried = job("AlertSalesReps");
            assertThat(retried.getRetries()).isEqualTo(2);
            assertThat(retried.getExceptionMessage()).isNotNull();
            assertThat(task("ReengageOpportunity")).isNotNull();
            assertThat(instance).isWaitingAt("ReengageOpportunity", "AlertSalesReps");
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
        return start("lost-opportunity", (String) variables.get("opportunityId"), variables);
    }
}
