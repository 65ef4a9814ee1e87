package io.circuitos.agents.support;

/**
 * The names of {@code processes/support-escalation.bpmn} that Java and the tests use, generated from the BPMN,
 * its forms and its routes; do not edit: {@code ProcessNamesTest} fails when this file and the
 * process differ and rewrites it with {@code -Dcircuitos.regenerate=true}.
 */
public final class SupportEscalationProcess {

    public static final String KEY = "support-escalation";
    public static final String RESOURCE = "processes/support-escalation.bpmn";

    /** Flow node ids (activities, events, gateways). */
    public static final class Element {
        public static final String ADD_ANSWER_TO_KNOWLEDGE = "AddAnswerToKnowledge";
        public static final String ANSWERED_AUTOMATICALLY = "AnsweredAutomatically";
        public static final String ANSWERED_BY_PERSON = "AnsweredByPerson";
        public static final String ANSWER_BUDGET_EXCEEDED = "AnswerBudgetExceeded";
        public static final String ANSWER_DELIVERED = "AnswerDelivered";
        public static final String ANSWER_NOT_DELIVERED = "AnswerNotDelivered";
        public static final String ANSWER_POSTED_BY_AGENT = "AnswerPostedByAgent";
        public static final String ANSWER_TICKET = "AnswerTicket";
        public static final String CHECK_GROUNDING = "CheckGrounding";
        public static final String CUSTOMER_REPLIED = "CustomerReplied";
        public static final String HANDLE_ESCALATED_TICKET = "HandleEscalatedTicket";
        public static final String HANDLE_TICKET = "HandleTicket";
        public static final String HUMAN_ANSWERED = "HumanAnswered";
        public static final String NEEDS_REVIEW = "NeedsReview";
        public static final String NO_DRAFT_OVER_BUDGET = "NoDraftOverBudget";
        public static final String PERSONS_ANSWER_DELIVERED = "PersonsAnswerDelivered";
        public static final String POSTED_BY_AGENT = "PostedByAgent";
        public static final String RECORD_REPLY = "RecordReply";
        public static final String REPLY_RECEIVED = "ReplyReceived";
        public static final String REPLY_RECORDED = "ReplyRecorded";
        public static final String RETRIEVE_ARTICLES = "RetrieveArticles";
        public static final String REVIEWED = "Reviewed";
        public static final String REVIEW_ANSWER = "ReviewAnswer";
        public static final String ROUTE_GATEWAY = "RouteGateway";
        public static final String ROUTE_TICKET = "RouteTicket";
        public static final String SCORE_RISK = "ScoreRisk";
        public static final String SEND_ANSWER = "SendAnswer";
        public static final String SEND_HUMAN_ANSWER = "SendHumanAnswer";
        public static final String SLA_MISSED = "SlaMissed";
        public static final String TICKET_CREATED = "TicketCreated";
        public static final String TO_SUPPORT_AGENT = "ToSupportAgent";

        private Element() {
        }
    }

    /** BPMN message names (routes with {@code message:} correlate these). */
    public static final class Message {
        public static final String TICKET_REPLIED = "TicketReplied";

        private Message() {
        }
    }

    /** BPMN error codes. */
    public static final class ErrorCode {

        private ErrorCode() {
        }
    }

    /** Variables: route fields, output mappings, decision results, form answers. */
    public static final class Variable {
        public static final String ANSWERED_BY = "answeredBy";
        public static final String ANSWER_DELIVERED = "answerDelivered";
        public static final String ANSWER_DELIVERY = "answerDelivery";
        public static final String ANSWER_NOT_DELIVERED_REASON = "answerNotDeliveredReason";
        public static final String ARTICLE_IDS = "articleIds";
        public static final String AUTO_SEND_BLOCKED_REASON = "autoSendBlockedReason";
        public static final String CITED_ARTICLES = "citedArticles";
        public static final String CONFIDENCE = "confidence";
        public static final String CUSTOMER_EMAIL = "customerEmail";
        public static final String CUSTOMER_NAME = "customerName";
        public static final String CUSTOMER_REPLIES = "customerReplies";
        public static final String CUSTOMER_TIER = "customerTier";
        public static final String DRAFT_ANSWER = "draftAnswer";
        public static final String DRAFT_NOTE = "draftNote";
        public static final String DRAFT_ORIGIN = "draftOrigin";
        public static final String END_REASON = "endReason";
        public static final String GROUNDED = "grounded";
        public static final String GROUNDING = "grounding";
        public static final String GROUNDING_NOTE = "groundingNote";
        public static final String HANDOFF_SCORE = "handoffScore";
        public static final String INTENT = "intent";
        public static final String KNOWLEDGE_ARTICLE_ID = "knowledgeArticleId";
        public static final String KNOWLEDGE_CONTEXT = "knowledgeContext";
        public static final String MODEL_VERSION = "modelVersion";
        public static final String PRIORITY = "priority";
        public static final String REPLY_TEXT = "replyText";
        public static final String RISK = "risk";
        public static final String RISK_SCORE = "riskScore";
        public static final String ROUTE = "route";
        public static final String ROUTE_DECISION_VERSION = "routeDecisionVersion";
        public static final String ROUTE_RULE = "routeRule";
        public static final String ROUTING = "routing";
        public static final String SENTIMENT = "sentiment";
        public static final String TICKET_ID = "ticketId";
        public static final String TICKET_SUBJECT = "ticketSubject";
        public static final String TICKET_TEXT = "ticketText";
        public static final String TOP_ARTICLE_SCORE = "topArticleScore";
        public static final String USED_ARTICLES = "usedArticles";

        private Variable() {
        }
    }

    private SupportEscalationProcess() {
    }
}
