package io.circuitos.agents.licensing;

/**
 * The names of {@code processes/licensing-qualification.bpmn} that Java and the tests use, generated from the BPMN,
 * its forms and its routes; do not edit: {@code ProcessNamesTest} fails when this file and the
 * process differ and rewrites it with {@code -Dcircuitos.regenerate=true}.
 */
public final class LicensingQualificationProcess {

    public static final String KEY = "licensing-qualification";
    public static final String RESOURCE = "processes/licensing-qualification.bpmn";

    /** Flow node ids (activities, events, gateways). */
    public static final class Element {
        public static final String AFTER_HAND_GATEWAY = "AfterHandGateway";
        public static final String APPLICANT_REPLIED = "ApplicantReplied";
        public static final String APPLICATION_SUBMITTED = "ApplicationSubmitted";
        public static final String BAND_APPLICATION = "BandApplication";
        public static final String BAND_GATEWAY = "BandGateway";
        public static final String CALLED = "Called";
        public static final String CALL_APPLICANT = "CallApplicant";
        public static final String CALL_BRIEF_BUDGET_EXCEEDED = "CallBriefBudgetExceeded";
        public static final String CALL_DECLINED = "CallDeclined";
        public static final String CALL_DONE = "CallDone";
        public static final String CALL_ESCALATED = "CallEscalated";
        public static final String CALL_FINISHED = "CallFinished";
        public static final String CALL_SLA_MISSED = "CallSlaMissed";
        public static final String COUNT_POINTS = "CountPoints";
        public static final String DRAFT_APPLICATION_STEPS = "DraftApplicationSteps";
        public static final String DRAFT_APPLICATION_STEPS_FROM_TEMPLATE = "DraftApplicationStepsFromTemplate";
        public static final String DRAFT_CALL_BRIEF = "DraftCallBrief";
        public static final String DRAFT_CALL_BRIEF_FROM_TEMPLATE = "DraftCallBriefFromTemplate";
        public static final String DRAFT_LESSON = "DraftLesson";
        public static final String DRAFT_REFERRAL = "DraftReferral";
        public static final String EMAIL_NOT_SENT = "EmailNotSent";
        public static final String EMAIL_SENT_BY_REP = "EmailSentByRep";
        public static final String FOLLOW_UP_APPLICATION = "FollowUpApplication";
        public static final String FOLLOW_UP_DECISION = "FollowUpDecision";
        public static final String FOLLOW_UP_DECLINED = "FollowUpDeclined";
        public static final String LESSONS_SENT_GATEWAY = "LessonsSentGateway";
        public static final String LESSON_DUE = "LessonDue";
        public static final String MORE_LESSONS = "MoreLessons";
        public static final String NOT_QUALIFIED = "NotQualified";
        public static final String NURTURE_DONE = "NurtureDone";
        public static final String PLAN_LESSON = "PlanLesson";
        public static final String QUALIFIED = "Qualified";
        public static final String REFERRAL_SENT_GATEWAY = "ReferralSentGateway";
        public static final String REPLIED = "Replied";
        public static final String SCORE_CONVERSION = "ScoreConversion";
        public static final String SEND_APPLICATION_STEPS = "SendApplicationSteps";
        public static final String SEND_BY_HAND = "SendByHand";
        public static final String SEND_LESSON = "SendLesson";
        public static final String SEND_REFERRAL = "SendReferral";
        public static final String STEPS_BUDGET_EXCEEDED = "StepsBudgetExceeded";
        public static final String STEPS_SENT_GATEWAY = "StepsSentGateway";
        public static final String WAIT_FOR_LESSON = "WaitForLesson";

        private Element() {
        }
    }

    /** BPMN message names (routes with {@code message:} correlate these). */
    public static final class Message {
        public static final String APPLICANT_REPLIED = "ApplicantReplied";

        private Message() {
        }
    }

    /** BPMN error codes. */
    public static final class ErrorCode {
        public static final String LLM_BUDGET_EXCEEDED = "llm-budget-exceeded";

        private ErrorCode() {
        }
    }

    /** Variables: route fields, output mappings, decision results, form answers. */
    public static final class Variable {
        public static final String APPLICANT_EMAIL = "applicantEmail";
        public static final String APPLICANT_NAME = "applicantName";
        public static final String APPLICANT_REPLY = "applicantReply";
        public static final String APPLICATION_EMAIL = "applicationEmail";
        public static final String APPLICATION_ID = "applicationId";
        public static final String BAND = "band";
        public static final String BAND_DECISION_VERSION = "bandDecisionVersion";
        public static final String BAND_RULE = "bandRule";
        public static final String CALL_BRIEF = "callBrief";
        public static final String CALL_NOTES = "callNotes";
        public static final String CONVERSION_PROBABILITY = "conversionProbability";
        public static final String CONVERSION_SCORE = "conversionScore";
        public static final String DECISION = "decision";
        public static final String DRAFT_NOTE = "draftNote";
        public static final String DRAFT_ORIGIN = "draftOrigin";
        public static final String EMAIL_BY_HAND = "emailByHand";
        public static final String EMAIL_NOT_SENT_REASON = "emailNotSentReason";
        public static final String END_REASON = "endReason";
        public static final String GUARD_RESULT = "guardResult";
        public static final String GYM_SQFT = "gymSqft";
        public static final String LESSONS_EMAILED = "lessonsEmailed";
        public static final String LESSONS_SENT = "lessonsSent";
        public static final String LESSON_AT = "lessonAt";
        public static final String LESSON_TEXT = "lessonText";
        public static final String LIQUID_CAPITAL = "liquidCapital";
        public static final String MODEL_VERSION = "modelVersion";
        public static final String OWNS_GYM = "ownsGym";
        public static final String PASSION_SCORE = "passionScore";
        public static final String POINTS = "points";
        public static final String POINTS_DECISION_VERSION = "pointsDecisionVersion";
        public static final String POINTS_RULES = "pointsRules";
        public static final String REFERRAL_EMAIL = "referralEmail";
        public static final String REFERRAL_SENT = "referralSent";
        public static final String REGION = "region";
        public static final String STEPS_EMAIL_SENT = "stepsEmailSent";
        public static final String TOP_FEATURES = "topFeatures";
        public static final String UNSENT_EMAIL = "unsentEmail";
        public static final String UNSENT_EMAIL_NAME = "unsentEmailName";
        public static final String YEARS_EXPERIENCE = "yearsExperience";

        private Variable() {
        }
    }

    private LicensingQualificationProcess() {
    }
}
