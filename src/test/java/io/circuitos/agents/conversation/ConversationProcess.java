package io.circuitos.agents.conversation;

/**
 * The names of {@code processes/conversation.bpmn} that Java and the tests use, generated from the BPMN,
 * its forms and its routes; do not edit: {@code ProcessNamesTest} fails when this file and the
 * process differ and rewrites it with {@code -Dcircuitos.regenerate=true}.
 */
public final class ConversationProcess {

    public static final String KEY = "conversation";
    public static final String RESOURCE = "processes/conversation.bpmn";

    /** Flow node ids (activities, events, gateways). */
    public static final class Element {
        public static final String AI_REPLY_DELIVERED = "AiReplyDelivered";
        public static final String AWAIT_NEXT_MESSAGE = "AwaitNextMessage";
        public static final String CLASSIFY_MESSAGE = "ClassifyMessage";
        public static final String LLM_ANSWERED = "LlmAnswered";
        public static final String MESSAGE_IN = "MessageIn";
        public static final String MESSAGE_NOTED = "MessageNoted";
        public static final String MESSAGE_RECEIVED = "MessageReceived";
        public static final String MESSAGE_WHILE_WITH_REP = "MessageWhileWithRep";
        public static final String NEXT_MESSAGE = "NextMessage";
        public static final String NOTE_MESSAGE = "NoteMessage";
        public static final String QUIET_FOR_AWEEK = "QuietForAWeek";
        public static final String REPLY_DELIVERED = "ReplyDelivered";
        public static final String REPLY_TO_CONTACT = "ReplyToContact";
        public static final String REP_REPLY_DELIVERED = "RepReplyDelivered";
        public static final String REP_REPLY_NOT_DELIVERED = "RepReplyNotDelivered";
        public static final String SCORE_HANDOFF = "ScoreHandoff";
        public static final String SEND_AI_REPLY = "SendAiReply";
        public static final String SEND_REP_REPLY = "SendRepReply";
        public static final String TO_PERSON = "ToPerson";
        public static final String WENT_QUIET = "WentQuiet";
        public static final String WHO_ANSWERS = "WhoAnswers";

        private Element() {
        }
    }

    /** BPMN message names (routes with {@code message:} correlate these). */
    public static final class Message {
        public static final String CONVERSATION_MESSAGE = "ConversationMessage";

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
        public static final String AUTO_SEND_BLOCKED_REASON = "autoSendBlockedReason";
        public static final String AWARENESS_LEVEL = "awarenessLevel";
        public static final String CHANNEL = "channel";
        public static final String CONTACT_EMAIL = "contactEmail";
        public static final String CONTACT_NAME = "contactName";
        public static final String CONVERSATION_ID = "conversationId";
        public static final String DRAFT_NOTE = "draftNote";
        public static final String DRAFT_ORIGIN = "draftOrigin";
        public static final String END_REASON = "endReason";
        public static final String GUARD_RESULT = "guardResult";
        public static final String HANDOFF_SCORE = "handoffScore";
        public static final String HANDOFF_SCORE_DECISION_VERSION = "handoffScoreDecisionVersion";
        public static final String HANDOFF_SCORE_RULES = "handoffScoreRules";
        public static final String MESSAGES = "messages";
        public static final String NOT_SENT_REASON = "notSentReason";
        public static final String OBJECTION = "objection";
        public static final String REPLY = "reply";
        public static final String REPLY_DELIVERED = "replyDelivered";
        public static final String SENTIMENT = "sentiment";
        public static final String TEXT = "text";
        public static final String TRANSCRIPT = "transcript";
        public static final String WEBHOOK_ID = "webhookId";

        private Variable() {
        }
    }

    private ConversationProcess() {
    }
}
