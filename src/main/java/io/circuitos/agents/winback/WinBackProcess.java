package io.circuitos.agents.winback;

/**
 * The names of {@code processes/win-back.bpmn} that Java and the tests use, generated from the BPMN,
 * its forms and its routes; do not edit: {@code ProcessNamesTest} fails when this file and the
 * process differ and rewrites it with {@code -Dcircuitos.regenerate=true}.
 */
public final class WinBackProcess {

    public static final String KEY = "win-back";
    public static final String RESOURCE = "processes/win-back.bpmn";

    /** Flow node ids (activities, events, gateways). */
    public static final class Element {
        public static final String ADMIN_DECISION = "AdminDecision";
        public static final String ANY_CANDIDATES = "AnyCandidates";
        public static final String ANY_EMAIL_SENT = "AnyEmailSent";
        public static final String APPROVAL_NEEDED = "ApprovalNeeded";
        public static final String APPROVE_CAMPAIGN = "ApproveCampaign";
        public static final String CAMPAIGN_COMPLETED = "CampaignCompleted";
        public static final String CAMPAIGN_REJECTED = "CampaignRejected";
        public static final String CAMPAIGN_REQUESTED = "CampaignRequested";
        public static final String CHOOSE_OFFER = "ChooseOffer";
        public static final String CHUNK_END = "ChunkEnd";
        public static final String CHUNK_START = "ChunkStart";
        public static final String COMPUTE_ROI = "ComputeRoi";
        public static final String COUNT_SENDS = "CountSends";
        public static final String DECIDE_APPROVAL = "DecideApproval";
        public static final String DECIDE_THRESHOLD = "DecideThreshold";
        public static final String DRAFT_EMAIL = "DraftEmail";
        public static final String DRAFT_FROM_TEMPLATE = "DraftFromTemplate";
        public static final String DRAFT_READY = "DraftReady";
        public static final String EMAIL_SENT_GATEWAY = "EmailSentGateway";
        public static final String ESTIMATE_SAVE_PROBABILITY = "EstimateSaveProbability";
        public static final String FIT_TO_BUDGET = "FitToBudget";
        public static final String LEARN_SAVE_PROBABILITIES = "LearnSaveProbabilities";
        public static final String LLM_BUDGET_USED_UP = "LlmBudgetUsedUp";
        public static final String LOAD_CUSTOMER = "LoadCustomer";
        public static final String LOAD_MESSAGE = "LoadMessage";
        public static final String LOOK_UP_STRATEGY = "LookUpStrategy";
        public static final String MANAGER_DECISION = "ManagerDecision";
        public static final String MARK_SENT = "MarkSent";
        public static final String NEEDS_ADMIN = "NeedsAdmin";
        public static final String NO_CANDIDATES = "NoCandidates";
        public static final String NO_EMAIL_SENT = "NoEmailSent";
        public static final String OPEN_CAMPAIGN = "OpenCampaign";
        public static final String PREPARE_END = "PrepareEnd";
        public static final String PREPARE_OFFERS = "PrepareOffers";
        public static final String PREPARE_OFFER_CHUNKS = "PrepareOfferChunks";
        public static final String PREPARE_START = "PrepareStart";
        public static final String READY_TO_SEND = "ReadyToSend";
        public static final String RECORD_OFFER = "RecordOffer";
        public static final String REVIEW_ENGAGEMENT = "ReviewEngagement";
        public static final String REVIEW_STRATEGY = "ReviewStrategy";
        public static final String SCORE_CHURN_RISK = "ScoreChurnRisk";
        public static final String SELECT_CANDIDATES = "SelectCandidates";
        public static final String SEND_CHUNK_END = "SendChunkEnd";
        public static final String SEND_CHUNK_START = "SendChunkStart";
        public static final String SEND_EMAIL = "SendEmail";
        public static final String SEND_EMAILS = "SendEmails";
        public static final String SEND_EMAIL_CHUNKS = "SendEmailChunks";
        public static final String SEND_END = "SendEnd";
        public static final String SEND_NOT_SENT = "SendNotSent";
        public static final String SEND_START = "SendStart";
        public static final String STRATEGY_CHANGE_REQUESTED = "StrategyChangeRequested";
        public static final String STRATEGY_KEPT = "StrategyKept";
        public static final String WAIT_FOR_ENGAGEMENT = "WaitForEngagement";
        public static final String WEEKLY_SCHEDULE = "WeeklySchedule";

        private Element() {
        }
    }

    /** BPMN message names (routes with {@code message:} correlate these). */
    public static final class Message {
        public static final String WIN_BACK_CAMPAIGN_REQUESTED = "WinBackCampaignRequested";

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
        public static final String ADMIN_DECISION = "adminDecision";
        public static final String ADMIN_NOTE = "adminNote";
        public static final String APPROVAL_COMMENT = "approvalComment";
        public static final String APPROVAL_DECISION = "approvalDecision";
        public static final String APPROVAL_DECISION_VERSION = "approvalDecisionVersion";
        public static final String APPROVAL_RULE = "approvalRule";
        public static final String BUDGET = "budget";
        public static final String CAMPAIGN_ID = "campaignId";
        public static final String CHURN_RISK = "churnRisk";
        public static final String CHURN_RISK_THRESHOLD = "churnRiskThreshold";
        public static final String CHURN_SCORE = "churnScore";
        public static final String DRAFT_NOTE = "draftNote";
        public static final String DRAFT_ORIGIN = "draftOrigin";
        public static final String EMAIL_DRAFT = "emailDraft";
        public static final String EMAIL_SENT = "emailSent";
        public static final String END_REASON = "endReason";
        public static final String MODEL_VERSION = "modelVersion";
        public static final String NEEDS_APPROVAL = "needsApproval";
        public static final String NOT_SENT_REASON = "notSentReason";
        public static final String OFFER = "offer";
        public static final String OFFER_COST = "offerCost";
        public static final String OFFER_DECISION = "offerDecision";
        public static final String OFFER_DECISION_VERSION = "offerDecisionVersion";
        public static final String OFFER_RULE = "offerRule";
        public static final String OFFER_TEXT = "offerText";
        public static final String SAVE_PROBABILITY = "saveProbability";
        public static final String SAVE_PROBABILITY_DECISION_VERSION = "saveProbabilityDecisionVersion";
        public static final String SAVE_PROBABILITY_RULE = "saveProbabilityRule";
        public static final String THRESHOLD_DECISION_VERSION = "thresholdDecisionVersion";
        public static final String THRESHOLD_RULE = "thresholdRule";
        public static final String TOP_FEATURES = "topFeatures";
        public static final String TOP_N = "topN";
        public static final String WINDOW_DAYS = "windowDays";

        private Variable() {
        }
    }

    private WinBackProcess() {
    }
}
