package io.circuitos.agents.lostopportunity;

/**
 * The names of {@code processes/lost-opportunity.bpmn} that Java and the tests use, generated from the BPMN,
 * its forms and its routes; do not edit: {@code ProcessNamesTest} fails when this file and the
 * process differ and rewrites it with {@code -Dcircuitos.regenerate=true}.
 */
public final class LostOpportunityProcess {

    public static final String KEY = "lost-opportunity";
    public static final String RESOURCE = "processes/lost-opportunity.bpmn";

    /** Flow node ids (activities, events, gateways). */
    public static final class Element {
        public static final String ALERTED_GATEWAY = "AlertedGateway";
        public static final String ALERT_SALES_REPS = "AlertSalesReps";
        public static final String BAND_GATEWAY = "BandGateway";
        public static final String BAND_OPPORTUNITY = "BandOpportunity";
        public static final String DISQUALIFIED = "Disqualified";
        public static final String DRAFT_FROM_TEMPLATE = "DraftFromTemplate";
        public static final String DRAFT_READY = "DraftReady";
        public static final String DRAFT_REENGAGEMENT_EMAIL = "DraftReengagementEmail";
        public static final String EMAIL_SENT = "EmailSent";
        public static final String EMAIL_SENT_BY_REP = "EmailSentByRep";
        public static final String EMAIL_SENT_GATEWAY = "EmailSentGateway";
        public static final String FOLLOW_UP_DUE = "FollowUpDue";
        public static final String HANDOFF_FORK = "HandoffFork";
        public static final String IGNORED = "Ignored";
        public static final String LLM_BUDGET_EXCEEDED = "LlmBudgetExceeded";
        public static final String MORE_FOLLOW_UPS = "MoreFollowUps";
        public static final String NURTURED = "Nurtured";
        public static final String OPPORTUNITY_CLOSED_LOST = "OpportunityClosedLost";
        public static final String OUTCOME_GATEWAY = "OutcomeGateway";
        public static final String PLAN_FOLLOW_UP = "PlanFollowUp";
        public static final String REENGAGE_ESCALATED = "ReengageEscalated";
        public static final String REENGAGE_OPPORTUNITY = "ReengageOpportunity";
        public static final String REPS_ALERTED = "RepsAlerted";
        public static final String REPS_NOT_ALERTED = "RepsNotAlerted";
        public static final String REP_FINISHED = "RepFinished";
        public static final String SCORE_REACTIVATION = "ScoreReactivation";
        public static final String SEND_FOLLOW_UP = "SendFollowUp";
        public static final String SEND_REENGAGEMENT_EMAIL = "SendReengagementEmail";
        public static final String SLA_MISSED = "SlaMissed";
        public static final String SNOOZE_OVER = "SnoozeOver";

        private Element() {
        }
    }

    /** BPMN message names (routes with {@code message:} correlate these). */
    public static final class Message {

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
        public static final String AGE = "age";
        public static final String AMOUNT = "amount";
        public static final String BAND = "band";
        public static final String BAND_DECISION_VERSION = "bandDecisionVersion";
        public static final String BAND_RULE = "bandRule";
        public static final String COMPANY = "company";
        public static final String COMPETITOR = "competitor";
        public static final String CONTACTS_THIS_CAMPAIGN = "contactsThisCampaign";
        public static final String CONTACT_CHANNEL = "contactChannel";
        public static final String CONTACT_EMAIL = "contactEmail";
        public static final String CONTACT_NAME = "contactName";
        public static final String CREDIT_DEFAULT = "creditDefault";
        public static final String DAYS_SINCE_LAST_CONTACT = "daysSinceLastContact";
        public static final String DISQUALIFY_REASON = "disqualifyReason";
        public static final String DRAFT_NOTE = "draftNote";
        public static final String DRAFT_ORIGIN = "draftOrigin";
        public static final String EDUCATION = "education";
        public static final String EMAIL_DRAFT = "emailDraft";
        public static final String EMAIL_NOT_SENT_REASON = "emailNotSentReason";
        public static final String EMAIL_SENT = "emailSent";
        public static final String END_REASON = "endReason";
        public static final String FOLLOW_UPS_POSTED = "followUpsPosted";
        public static final String FOLLOW_UPS_SENT = "followUpsSent";
        public static final String FOLLOW_UP_AT = "followUpAt";
        public static final String GUARD_RESULT = "guardResult";
        public static final String HOUSING_LOAN = "housingLoan";
        public static final String JOB = "job";
        public static final String LAST_CONTACT_MONTH = "lastContactMonth";
        public static final String LAST_CONTACT_WEEKDAY = "lastContactWeekday";
        public static final String LOSS_REASON = "lossReason";
        public static final String MARITAL_STATUS = "maritalStatus";
        public static final String MODEL_VERSION = "modelVersion";
        public static final String OPPORTUNITY_ID = "opportunityId";
        public static final String OUTCOME = "outcome";
        public static final String PERSONAL_LOAN = "personalLoan";
        public static final String PREVIOUS_CONTACTS = "previousContacts";
        public static final String PREVIOUS_OUTCOME = "previousOutcome";
        public static final String REACTIVATION_PROBABILITY = "reactivationProbability";
        public static final String REACTIVATION_SCORE = "reactivationScore";
        public static final String REPS_ALERTED = "repsAlerted";
        public static final String SNOOZE_FOR = "snoozeFor";
        public static final String TOP_FEATURES = "topFeatures";

        private Variable() {
        }
    }

    private LostOpportunityProcess() {
    }
}
