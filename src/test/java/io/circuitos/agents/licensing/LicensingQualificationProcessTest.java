package io.circuitos.agents.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.circuitos.support.FakeOllama;
import io.circuitos.support.ProcessScenarioTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code processes/licensing-qualification.bpmn} with the real tables, model, templates and SMTP. */
@Deployment(resources = {"processes/licensing-qualification.bpmn", "decisions/licensing-points.dmn",
        "decisions/licensing-band.dmn", "forms/licensing-application.form"})
class LicensingQualificationProcessTest extends ProcessScenarioTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(PROCESS_TEST_ENGINE)
            .assertClassCoverageAtLeast(0.9).build();

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @Test
    void fastTrackApplicantGetsACallWithinTheHourWithAnLlmCallBrief() {
        ollama.enqueue(FakeOllama.Reply.content("{\"roi\": \"Capital covers the opening phase.\", "
                + "\"nextSteps\": \"Book the document review.\", \"objections\": \"Time: explain the support programme.\"}"));
        ProcessInstance instance = start(applicant("APP-FAST", 200_000, 6, true, 4_000, 5));

        assertThat(instance).isWaitingAt("CallApplicant").variables()
                .containsEntry("points", 90.0).containsEntry("band", "FAST_TRACK").containsEntry("draftOrigin", "llm")
                .containsKeys("conversionProbability", "conversionScore", "pointsRules", "bandRule");
        String brief = (String) runtimeService().getVariable(instance.getId(), "callBrief");
        assertThat(brief).contains("Capital covers the opening phase.").contains("Book the document review.");
        assertThat(task("CallApplicant")).hasCandidateGroup("sales-reps").hasName("Call licensing applicant: Jo Park (APP-FAST)");
        assertThat(task("CallApplicant").getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));

        complete(task("CallApplicant"), withVariables("decision", "continue"));
        assertThat(instance).isEnded().hasPassed("Called").variables().containsEntry("endReason", "fast track: applicant called");
    }

    @Test
    void overTheLlmBudgetAFastTrackCallGetsATemplateCallBrief() {
        llmBudgetSpent();
        ProcessInstance instance = start(applicant("APP-FAST-BUDGET", 200_000, 6, true, 4_000, 5));

        assertThat(instance).hasPassed("CallBriefBudgetExceeded", "DraftCallBriefFromTemplate").isWaitingAt("CallApplicant").variables()
                .containsEntry("draftOrigin", "template")
                .containsEntry("draftNote", "Template draft: the LLM budget of this instance is used up.");
        assertThat((String) runtimeService().getVariable(instance.getId(), "callBrief")).isNotBlank();
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void overTheLlmBudgetAQualifiedApplicantStillGetsTheApplicationStepsFromTheTemplate() throws Exception {
        llmBudgetSpent();
        ProcessInstance instance = start(applicant("APP-QUAL-BUDGET", 160_000, 5, false, null, 3));

        assertThat(instance).hasPassed("StepsBudgetExceeded", "DraftApplicationStepsFromTemplate").variables()
                .containsEntry("draftOrigin", "template");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(task("FollowUpApplication")).hasCandidateGroup("sales-reps");
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void aRepWhoDeclinesAfterTheCallEndsTheApplicationAsDeclined() {
        ProcessInstance instance = start(applicant("APP-DECLINE", 200_000, 6, true, 4_000, 5));

        complete(task("CallApplicant"), withVariables("decision", "decline", "callNotes", "not the right time"));

        assertThat(instance).isEnded().hasPassed("CallDeclined").hasNotPassed("Called").variables()
                .containsEntry("endReason", "fast track: declined by the rep after the call");
    }

    @Test
    void aRepWhoDeclinesAtFollowUpEndsTheQualifiedApplicationAsDeclined() throws Exception {
        ProcessInstance instance = start(applicant("APP-QUAL-DECLINE", 160_000, 5, false, null, 3));

        complete(task("FollowUpApplication"), withVariables("decision", "decline"));

        assertThat(instance).isEnded().hasPassed("FollowUpDeclined").hasNotPassed("Qualified").variables()
                .containsEntry("endReason", "qualified: declined by the rep at follow-up");
    }

    @Test
    void anUnansweredFastTrackCallEscalatesToSalesManagersAfterAnHour() {
        ProcessInstance instance = start(applicant("APP-SLA", 200_000, 6, true, 4_000, 5));
        Job sla = managementService().createJobQuery().processInstanceId(instance.getId()).activityId("CallSlaMissed").singleResult();
        assertThat(sla.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));
        execute(sla);
        runJobs(instance);
        assertThat(task("CallEscalated")).hasCandidateGroup("sales-managers");
        complete(task("CallEscalated"), withVariables("decision", "continue"));
        assertThat(instance).isEnded().hasPassed("CallEscalated", "Called");
    }

    @Test
    void aQualifiedApplicantGetsTheApplicationStepsByEmailAndARepFollowsUpWithinTwoDays() throws Exception {
        ollama.enqueue(FakeOllama.Reply.json("Your next steps", "Hi Jo, here is what happens next."));
        ProcessInstance instance = start(applicant("APP-QUAL", 160_000, 5, false, null, 3));
        assertThat(instance).variables().containsEntry("points", 71.0).containsEntry("band", "QUALIFIED");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("jo@applicant.example");
        assertThat(received[0].getSubject()).isEqualTo("Your next steps");
        assertThat(task("FollowUpApplication")).hasCandidateGroup("sales-reps");
        assertThat(task("FollowUpApplication").getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(2))));
        complete(task("FollowUpApplication"), withVariables("decision", "continue"));
        assertThat(instance).isEnded().hasPassed("Qualified");
    }

    @Test
    void aNurturedApplicantGetsThreeLessonsEachAtTheSendTime() throws Exception {
        ProcessInstance instance = start(applicant("APP-NURT", 120_000, 3, false, null, 1));
        assertThat(instance).variables().containsEntry("points", 52.0).containsEntry("band", "NURTURE");
        for (int lesson = 1; lesson <= 3; lesson++) {
            Job due = job("LessonDue");
            if (lesson == 1) {
                assertThat(due.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-30T10:00:00Z")));
            }
            ClockUtil.setCurrentTime(due.getDuedate());
            runJobs(instance);
        }
        assertThat(instance).isEnded().hasPassed("NurtureDone");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[2].getSubject()).isEqualTo("Franchise basics, part 3 of 3");
    }

    @Test
    void aReplyFromTheApplicantStopsTheNurtureSequence() {
        ProcessInstance instance = start(applicant("APP-REPLY", 120_000, 3, false, null, 1));
        ClockUtil.setCurrentTime(job("LessonDue").getDuedate());
        runJobs(instance);

        runtimeService().createMessageCorrelation("ApplicantReplied").processInstanceBusinessKey("APP-REPLY").correlate();
        assertThat(instance).isEnded().hasPassed("ApplicantReplied", "Replied").hasNotPassed("NurtureDone");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aNotQualifiedApplicantGetsAPoliteReferralAndTheProcessEnds() throws Exception {
        Map<String, Object> applicant = applicant("APP-NO", 20_000, 0, null, null, 5);
        ProcessInstance instance = start(applicant);
        assertThat(instance).variables().containsEntry("points", 10.0).containsEntry("band", "NOT_QUALIFIED");
        assertThat(instance).isEnded().hasPassed("NotQualified");
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Thank you for your franchise application");
    }

    private static Map<String, Object> applicant(String id, double capital, double years, Boolean ownsGym, Integer sqft, long passion) {
        Map<String, Object> v = new HashMap<>();
        v.put("applicationId", id);
        v.put("applicantName", "Jo Park");
        v.put("applicantEmail", "jo@applicant.example");
        v.put("liquidCapital", capital);
        v.put("yearsExperience", years);
        v.put("ownsGym", ownsGym);
        v.put("gymSqft", sqft == null ? null : sqft.doubleValue());
        v.put("passionScore", passion);
        v.put("region", "north");
        return v;
    }

    private static ProcessInstance start(Map<String, Object> variables) {
        return start("licensing-qualification", (String) variables.get("applicationId"), variables);
    }
}
