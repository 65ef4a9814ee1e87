package io.circuitos.agents.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.circuitos.agents.licensing.LicensingQualificationProcess.Element;
import io.circuitos.agents.licensing.LicensingQualificationProcess.Message;
import io.circuitos.agents.licensing.LicensingQualificationProcess.Variable;
import io.circuitos.engine.RunPayload;
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
        "decisions/licensing-band.dmn", "forms/licensing-application.form", "forms/licensing-send-by-hand.form"})
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

        assertThat(instance).isWaitingAt(Element.CALL_APPLICANT).variables()
                .containsEntry(Variable.POINTS, 90.0).containsEntry(Variable.BAND, "FAST_TRACK").containsEntry(Variable.DRAFT_ORIGIN, "llm")
                .containsKeys(Variable.CONVERSION_PROBABILITY, Variable.CONVERSION_SCORE, Variable.POINTS_RULES, Variable.BAND_RULE);
        String brief = (String) runtimeService().getVariable(instance.getId(), Variable.CALL_BRIEF);
        assertThat(brief).contains("Capital covers the opening phase.").contains("Book the document review.");
        assertThat(task(Element.CALL_APPLICANT)).hasCandidateGroup("sales-reps").hasName("Call licensing applicant: Jo Park (APP-FAST)");
        assertThat(task(Element.CALL_APPLICANT).getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));

        complete(task(Element.CALL_APPLICANT), withVariables(Variable.DECISION, "continue"));
        assertThat(instance).isEnded().hasPassed(Element.CALLED).variables().containsEntry(Variable.END_REASON, "fast track: applicant called");
    }

    @Test
    void theApplicationsFieldsLiveInOnePayloadThatTablesModelTaskNamesAndTheFormReadByName() {
        ollama.enqueue(FakeOllama.Reply.content("{\"roi\": \"Capital covers it.\", \"nextSteps\": \"Review.\", \"objections\": \"None.\"}"));
        ProcessInstance instance = start(applicant("APP-PAYLOAD", 200_000, 6, true, 4_000, 5));

        Map<String, Object> variables = runtimeService().getVariables(instance.getId());
        assertThat(variables).containsKey(RunPayload.VARIABLE)
                .doesNotContainKeys(Variable.APPLICATION_ID, Variable.LIQUID_CAPITAL, Variable.YEARS_EXPERIENCE, Variable.PASSION_SCORE)
                .containsEntry(Variable.APPLICANT_EMAIL, "jo@applicant.example") // personal data stays a variable of its own
                .containsEntry(Variable.POINTS, 90.0) // licensing-points read capital, experience, gym and passion from the payload
                .containsEntry(Variable.BAND, "FAST_TRACK").containsKey(Variable.CONVERSION_PROBABILITY);
        assertThat(task(Element.CALL_APPLICANT)).hasName("Call licensing applicant: Jo Park (APP-PAYLOAD)");
        Map<String, Object> form = formService().getTaskFormVariables(task(Element.CALL_APPLICANT).getId());
        assertThat(form).containsEntry(Variable.APPLICATION_ID, "APP-PAYLOAD").containsEntry(Variable.LIQUID_CAPITAL, 200_000.0)
                .containsEntry(Variable.PASSION_SCORE, 5L).containsEntry(Variable.POINTS, 90.0);
    }

    @Test
    void overTheLlmBudgetAFastTrackCallGetsATemplateCallBrief() {
        llmBudgetSpent();
        ProcessInstance instance = start(applicant("APP-FAST-BUDGET", 200_000, 6, true, 4_000, 5));

        assertThat(instance).hasPassed(Element.CALL_BRIEF_BUDGET_EXCEEDED, Element.DRAFT_CALL_BRIEF_FROM_TEMPLATE).isWaitingAt(Element.CALL_APPLICANT).variables()
                .containsEntry(Variable.DRAFT_ORIGIN, "template")
                .containsEntry(Variable.DRAFT_NOTE, "Template (no AI draft): the LLM budget of this instance is used up.");
        assertThat((String) runtimeService().getVariable(instance.getId(), Variable.CALL_BRIEF)).isNotBlank();
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void overTheLlmBudgetAQualifiedApplicantStillGetsTheApplicationStepsFromTheTemplate() throws Exception {
        llmBudgetSpent();
        ProcessInstance instance = start(applicant("APP-QUAL-BUDGET", 160_000, 5, false, null, 3));

        assertThat(instance).hasPassed(Element.STEPS_BUDGET_EXCEEDED, Element.DRAFT_APPLICATION_STEPS_FROM_TEMPLATE).variables()
                .containsEntry(Variable.DRAFT_ORIGIN, "template");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(task(Element.FOLLOW_UP_APPLICATION)).hasCandidateGroup("sales-reps");
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void aRepWhoDeclinesAfterTheCallEndsTheApplicationAsDeclined() {
        ProcessInstance instance = start(applicant("APP-DECLINE", 200_000, 6, true, 4_000, 5));

        complete(task(Element.CALL_APPLICANT), withVariables(Variable.DECISION, "decline", Variable.CALL_NOTES, "not the right time"));

        assertThat(instance).isEnded().hasPassed(Element.CALL_DECLINED).hasNotPassed(Element.CALLED).variables()
                .containsEntry(Variable.END_REASON, "fast track: declined by the rep after the call");
    }

    @Test
    void aRepWhoDeclinesAtFollowUpEndsTheQualifiedApplicationAsDeclined() throws Exception {
        ProcessInstance instance = start(applicant("APP-QUAL-DECLINE", 160_000, 5, false, null, 3));

        complete(task(Element.FOLLOW_UP_APPLICATION), withVariables(Variable.DECISION, "decline"));

        assertThat(instance).isEnded().hasPassed(Element.FOLLOW_UP_DECLINED).hasNotPassed(Element.QUALIFIED).variables()
                .containsEntry(Variable.END_REASON, "qualified: declined by the rep at follow-up");
    }

    @Test
    void anUnansweredFastTrackCallEscalatesToSalesManagersAfterAnHour() {
        ProcessInstance instance = start(applicant("APP-SLA", 200_000, 6, true, 4_000, 5));
        Job sla = managementService().createJobQuery().processInstanceId(instance.getId()).activityId(Element.CALL_SLA_MISSED).singleResult();
        assertThat(sla.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));
        execute(sla);
        runJobs(instance);
        assertThat(task(Element.CALL_ESCALATED)).hasCandidateGroup("sales-managers");
        complete(task(Element.CALL_ESCALATED), withVariables(Variable.DECISION, "continue"));
        assertThat(instance).isEnded().hasPassed(Element.CALL_ESCALATED, Element.CALLED);
    }

    @Test
    void aQualifiedApplicantGetsTheApplicationStepsByEmailAndARepFollowsUpWithinTwoDays() throws Exception {
        ollama.enqueue(FakeOllama.Reply.json("Your next steps", "Hi Jo, here is what happens next."));
        ProcessInstance instance = start(applicant("APP-QUAL", 160_000, 5, false, null, 3));
        assertThat(instance).variables().containsEntry(Variable.POINTS, 71.0).containsEntry(Variable.BAND, "QUALIFIED");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("jo@applicant.example");
        assertThat(received[0].getSubject()).isEqualTo("Your next steps");
        assertThat(task(Element.FOLLOW_UP_APPLICATION)).hasCandidateGroup("sales-reps");
        assertThat(task(Element.FOLLOW_UP_APPLICATION).getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(2))));
        complete(task(Element.FOLLOW_UP_APPLICATION), withVariables(Variable.DECISION, "continue"));
        assertThat(instance).isEnded().hasPassed(Element.QUALIFIED);
    }

    @Test
    void aNurturedApplicantGetsThreeLessonsEachAtTheSendTime() throws Exception {
        ProcessInstance instance = start(applicant("APP-NURT", 120_000, 3, false, null, 1));
        assertThat(instance).variables().containsEntry(Variable.POINTS, 52.0).containsEntry(Variable.BAND, "NURTURE");
        for (int lesson = 1; lesson <= 3; lesson++) {
            Job due = job(Element.LESSON_DUE);
            if (lesson == 1) {
                assertThat(due.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-30T10:00:00Z")));
            }
            ClockUtil.setCurrentTime(due.getDuedate());
            runJobs(instance);
        }
        assertThat(instance).isEnded().hasPassed(Element.NURTURE_DONE).variables()
                .containsEntry(Variable.END_REASON, "nurture: sequence completed, 3 of 3 lessons emailed");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[2].getSubject()).isEqualTo("Franchise basics, part 3 of 3");
    }

    @Test
    void aReplyFromTheApplicantStopsTheNurtureSequence() {
        ProcessInstance instance = start(applicant("APP-REPLY", 120_000, 3, false, null, 1));
        ClockUtil.setCurrentTime(job(Element.LESSON_DUE).getDuedate());
        runJobs(instance);

        runtimeService().createMessageCorrelation(Message.APPLICANT_REPLIED).processInstanceBusinessKey("APP-REPLY").correlate();
        assertThat(instance).isEnded().hasPassed(Element.APPLICANT_REPLIED, Element.REPLIED).hasNotPassed(Element.NURTURE_DONE);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aNotQualifiedApplicantGetsAPoliteReferralAndTheProcessEnds() throws Exception {
        Map<String, Object> applicant = applicant("APP-NO", 20_000, 0, null, null, 5);
        ProcessInstance instance = start(applicant);
        assertThat(instance).variables().containsEntry(Variable.POINTS, 10.0).containsEntry(Variable.BAND, "NOT_QUALIFIED");
        assertThat(instance).isEnded().hasPassed(Element.NOT_QUALIFIED);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Thank you for your franchise application");
    }

    @Test
    void aReferralEmailThatCouldNotBeSentGoesToARepWithTheReason() throws Exception {
        reconfigure("spring.mail.host", "");
        ProcessInstance instance = start(applicant("APP-NO-MAIL", 20_000, 0, null, null, 5));

        assertThat(instance).as("not ended as referred: a rep has the email").isWaitingAt(Element.SEND_BY_HAND)
                .hasPassed(Element.SEND_REFERRAL, Element.REFERRAL_SENT_GATEWAY).hasNotPassed(Element.NOT_QUALIFIED).variables()
                .containsEntry(Variable.REFERRAL_SENT, false).containsEntry(Variable.EMAIL_NOT_SENT_REASON, "no mail server is configured");
        assertThat((String) runtimeService().getVariable(instance.getId(), Variable.UNSENT_EMAIL))
                .startsWith("Subject: Thank you for your franchise application");
        assertThat(task(Element.SEND_BY_HAND)).hasCandidateGroup("sales-reps").hasName("Send the referral email by hand: Jo Park (APP-NO-MAIL)");
        assertThat(task(Element.SEND_BY_HAND).getPriority()).as("above a two-day follow-up").isEqualTo(75);
        try (java.io.InputStream form = formService().getDeployedTaskForm(task(Element.SEND_BY_HAND).getId())) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"id\": \"licensing-send-by-hand\"").contains("emailNotSentReason").contains("unsentEmail");
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();

        complete(task(Element.SEND_BY_HAND), withVariables(Variable.EMAIL_BY_HAND, "notSent"));
        assertThat(instance).isEnded().hasPassed(Element.EMAIL_NOT_SENT).hasNotPassed(Element.NOT_QUALIFIED, Element.EMAIL_SENT_BY_REP)
                .variables().containsEntry(Variable.END_REASON, "referral email not sent: no mail server is configured");
    }

    @Test
    void aReferralTheRepSentByHandEndsAsSentByTheRep() {
        reconfigure("spring.mail.host", "");
        ProcessInstance instance = start(applicant("APP-BY-HAND", 20_000, 0, null, null, 5));

        complete(task(Element.SEND_BY_HAND), withVariables(Variable.EMAIL_BY_HAND, "sentByRep"));
        assertThat(instance).isEnded().hasPassed(Element.EMAIL_SENT_BY_REP).hasNotPassed(Element.NOT_QUALIFIED).variables()
                .containsEntry(Variable.END_REASON, "referral email sent by the rep (circuitos could not send it: no mail server is configured)");
    }

    @Test
    void applicationStepsThatCouldNotBeSentGoToARepBeforeTheFollowUp() {
        reconfigure("spring.mail.host", "");
        ProcessInstance instance = start(applicant("APP-QUAL-NO-MAIL", 160_000, 5, false, null, 3));

        assertThat(instance).isWaitingAt(Element.SEND_BY_HAND).hasPassed(Element.STEPS_SENT_GATEWAY).hasNotPassed(Element.FOLLOW_UP_APPLICATION)
                .variables().containsEntry(Variable.STEPS_EMAIL_SENT, false);
        assertThat(task(Element.SEND_BY_HAND)).hasName("Send the application-steps email by hand: Jo Park (APP-QUAL-NO-MAIL)");
        assertThat((String) runtimeService().getVariable(instance.getId(), Variable.UNSENT_EMAIL))
                .isEqualTo(runtimeService().getVariable(instance.getId(), Variable.APPLICATION_EMAIL));

        complete(task(Element.SEND_BY_HAND), withVariables(Variable.EMAIL_BY_HAND, "sentByRep"));
        assertThat(instance).as("the follow-up comes after the email").isWaitingAt(Element.FOLLOW_UP_APPLICATION);
        complete(task(Element.FOLLOW_UP_APPLICATION), withVariables(Variable.DECISION, "continue"));
        assertThat(instance).isEnded().hasPassed(Element.QUALIFIED).hasNotPassed(Element.EMAIL_SENT_BY_REP, Element.EMAIL_NOT_SENT);
    }

    @Test
    void lessonsThatCouldNotBeSentAreNotCountedAsEmailedAndGoToARep() {
        reconfigure("spring.mail.host", "");
        ProcessInstance instance = start(applicant("APP-NURT-NO-MAIL", 120_000, 3, false, null, 1));
        for (int lesson = 1; lesson <= 3; lesson++) {
            ClockUtil.setCurrentTime(job(Element.LESSON_DUE).getDuedate());
            runJobs(instance);
        }

        assertThat(instance).isWaitingAt(Element.SEND_BY_HAND).hasPassed(Element.LESSONS_SENT_GATEWAY).hasNotPassed(Element.NURTURE_DONE)
                .variables().containsEntry(Variable.LESSONS_SENT, 3L).containsEntry(Variable.LESSONS_EMAILED, 0L);
        String unsent = (String) runtimeService().getVariable(instance.getId(), Variable.UNSENT_EMAIL);
        assertThat(unsent).contains("Franchise basics, part 1 of 3").contains("Franchise basics, part 2 of 3").contains("Franchise basics, part 3 of 3");
        assertThat(task(Element.SEND_BY_HAND)).hasName("Send the nurture lessons by hand: Jo Park (APP-NURT-NO-MAIL)");

        complete(task(Element.SEND_BY_HAND), withVariables(Variable.EMAIL_BY_HAND, "sentByRep"));
        assertThat(instance).isEnded().hasPassed(Element.EMAIL_SENT_BY_REP).variables()
                .containsEntry(Variable.END_REASON, "nurture lessons sent by the rep (circuitos could not send it: no mail server is configured)");
    }

    @Test
    void aFastTrackCallOutranksAQualifiedFollowUpInTasklist() {
        ProcessInstance qualified = start(applicant("APP-RANK-QUAL", 160_000, 5, false, null, 3));
        ProcessInstance fastTrack = start(applicant("APP-RANK-FAST", 200_000, 6, true, 4_000, 5));

        var byPriority = taskService().createTaskQuery().processInstanceIdIn(qualified.getId(), fastTrack.getId())
                .orderByTaskPriority().desc().list();
        assertThat(byPriority).extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
                .containsExactly(Element.CALL_APPLICANT, Element.FOLLOW_UP_APPLICATION);
        assertThat(byPriority.get(0).getPriority()).isGreaterThan(byPriority.get(1).getPriority());
    }

    private static Map<String, Object> applicant(String id, double capital, double years, Boolean ownsGym, Integer sqft, long passion) {
        Map<String, Object> v = new HashMap<>();
        v.put(Variable.APPLICATION_ID, id);
        v.put(Variable.APPLICANT_NAME, "Jo Park");
        v.put(Variable.APPLICANT_EMAIL, "jo@applicant.example");
        v.put(Variable.LIQUID_CAPITAL, capital);
        v.put(Variable.YEARS_EXPERIENCE, years);
        v.put(Variable.OWNS_GYM, ownsGym);
        v.put(Variable.GYM_SQFT, sqft == null ? null : sqft.doubleValue());
        v.put(Variable.PASSION_SCORE, passion);
        v.put(Variable.REGION, "north");
        return v;
    }

    private static ProcessInstance start(Map<String, Object> variables) {
        return start(LicensingQualificationProcess.KEY, (String) variables.get(Variable.APPLICATION_ID), variables);
    }
}
