package io.circuitos.tasks;

import io.circuitos.engine.sandbox.RegisteredTasks;
import io.circuitos.engine.sandbox.RegisteredTasks.Kind;
import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one list of generic tasks an analyst may use in a BPMN file, as
 * {@code camunda:delegateExpression="${name}"}, with the inputs each reads and the outputs it writes.
 * The deployment guard refuses every other bean, the sandboxed expression manager resolves no other
 * bean at run time, and the Modeler element templates are generated from this list.
 */
public final class GenericTasks {

    public record Input(String name, boolean required, Refers refers, String description) {
    }

    public record Task(String name, Kind kind, String title, List<Input> inputs, List<String> outputs, List<String> errors) {

        public Optional<Input> input(String inputName) {
            return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
        }

        /**
         * Whether the task's outputs are meant to be mapped out with output parameters (they are local
         * to the task); the others write into the enclosing scope and are modelled without mappings.
         */
        public boolean mapsOutputs() {
            return kind == Kind.SERVICE_TASK && !WRITES_INTO_SCOPE.contains(name);
        }
    }

    public static final String LLM_BUDGET_EXCEEDED = "llm-budget-exceeded";

    private static final java.util.Set<String> WRITES_INTO_SCOPE = java.util.Set.of("loadCustomer", "openWinBackCampaign",
            "selectWinBackCandidates", "currentWinBackStrategy", "recordWinBackOffer", "winBackFinance", "loadWinBackMessage",
            "markWinBackSent", "countWinBackSends", "reviewWinBackEngagement", "learnSaveProbabilities");

    /** Writes every field of the customer store (the routes with {@code handler: customer-store}), not only its listed outputs. */
    public static final String LOAD_CUSTOMER = "loadCustomer";

    /** The one input both LLM tasks take the recipient from: the content guard lets no other e-mail address through. */
    public static final String RECIPIENT_EMAIL = "recipientEmail";

    private static final String RECIPIENT_DESCRIPTION = "the recipient's address: the content guard lets no other address through";

    /** The offer a decision chose for the recipient: the content guard lets its amounts, discounts and free periods through. */
    public static final String ALLOWED_OFFER = "allowedOffer";

    private static final String OFFER_DESCRIPTION = "the offer a decision chose (e.g. offerText): its amounts and free periods may appear";

    private static final List<Task> ALL = List.of(
            task("scoreWithModel", "Score with a model", outputs("probability", "score", "modelVersion", "topFeatures"),
                    model("modelName", "a model in ml-models/; its features are read from the variables of the same names")),
            task("llmDraft", "Draft with the LLM", outputs("draft", "draftOrigin", "draftNote", "guardResult"),
                    List.of(LLM_BUDGET_EXCEEDED),
                    prompt("templateId"), required("fallbackTemplateId", "deterministic template used when the LLM is not"),
                    optional("variant", "template variant, e.g. the loss reason"),
                    optional(RECIPIENT_EMAIL, RECIPIENT_DESCRIPTION), optional(ALLOWED_OFFER, OFFER_DESCRIPTION)),
            task("llmAsk", "Ask the LLM for structured fields", outputs("llmOrigin", "llmNote", "guardResult"),
                    List.of(LLM_BUDGET_EXCEEDED),
                    prompt("templateId"), optional("guardFields", "comma-separated answer fields the content guard checks"),
                    optional(RECIPIENT_EMAIL, RECIPIENT_DESCRIPTION), optional(ALLOWED_OFFER, OFFER_DESCRIPTION)),
            task("draftFromTemplate", "Draft from a template", outputs("draft", "draftOrigin"),
                    required("templateId", "a folder of src/main/resources/templates/"), optional("variant", "template variant")),
            task("sendEmail", "Send an email", outputs("emailSent", "notSentReason"),
                    required("to", "recipient address"), optional("subject", "subject line"), required("text", "body"),
                    optional("step", "idempotency step name (default: the task id)"),
                    optional("idempotencyScope", "idempotency scope (default: the process instance)")),
            task("notifyChannel", "Notify a channel", outputs("notified", "notSentReason"),
                    required("channel", "a channel of circuitos.channels"), required("message", "text to post")),
            task("sendWebhook", "Send a signed webhook", outputs("webhookId", "webhookDelivered", "notSentReason"),
                    required("target", "a target of circuitos.outbound"), required("eventType", "the event's type"),
                    required("fields", "comma-separated variables sent as the event's data"),
                    optional("jsonFields", "those of the fields that hold JSON text (e.g. messages), sent as JSON")),
            task("scheduleAtSendTime", "Schedule at send time", outputs("at"),
                    required("after", "ISO-8601 duration, e.g. P3D"), required("sendTime", "local time, e.g. 10:00"),
                    optional("zone", "time zone (default circuitos.schedule.zone)")),
            task("searchKnowledge", "Search the knowledge base", outputs("articleIds", "citedArticles", "knowledgeContext", "topArticleScore"),
                    required("question", "the text to search for"), optional("k", "how many articles (default 3)")),
            task("checkGrounding", "Check an answer against the retrieved articles", outputs("grounding", "grounded", "groundingNote"),
                    required("answer", "the model's answer"), required("articleIds", "the retrieved articles (comma-separated ids)")),
            task("addToKnowledge", "Add to the knowledge base", outputs("addedArticleId"),
                    required("articleId", "id of the new article"), required("title", "title"),
                    required("question", "the question"), required("answer", "the answer")),
            task(LOAD_CUSTOMER, "Load a customer (writes every field of the customer store)", outputs("customerName", "customerEmail", "segment", "customerValue", "customerStatus"),
                    required("customerId", "id in the customer store")),
            task("openWinBackCampaign", "Open a win-back campaign", outputs("campaignId", "trigger", "chunkSize"),
                    optional("campaignId", "given by the webhook; a scheduled start gets one")),
            task("selectWinBackCandidates", "Select win-back candidates",
                    outputs("candidateChunks", "candidateCount", "churnedInWindow", "activeAtRisk"),
                    required("windowDays", "churned within this many days"), required("topN", "at most this many"),
                    required("chunkSize", "customers per job"),
                    required("churnRiskThreshold", "active customers above this churn risk"),
                    new Input("modelName", true, Refers.CUSTOMER_MODEL, "the churn model; its features are the customer store's fields")),
            task("currentWinBackStrategy", "Current strategy of a segment", outputs("strategy"), required("segment", "customer segment")),
            task("recordWinBackOffer", "Record a win-back offer", outputs(),
                    required("campaignId", "campaign"), required("customerId", "customer"), required("offerCost", "cost of the offer"),
                    required("customerValue", "value of the customer"), required("saveProbability", "probability of saving the customer")),
            task("winBackFinance", "Campaign finance (ROI)",
                    outputs("totalOfferCost", "expectedRevenue", "campaignRoi", "selectedCount", "excludedCount", "sendChunks", "roiTable"),
                    required("campaignId", "campaign"), required("chunkSize", "customers per job"), optional("budget", "budget to fit"),
                    optional("fitToBudget", "keep the best ROI that fits")),
            task("loadWinBackMessage", "Load a campaign message", outputs("to", "text"),
                    required("campaignId", "campaign"), required("customerId", "customer")),
            task("markWinBackSent", "Mark a campaign message sent (or why not)", outputs(),
                    required("campaignId", "campaign"), required("customerId", "customer"), optional("emailSent", "the send task's result"),
                    optional("notSentReason", "why the send task sent nothing")),
            task("countWinBackSends", "Count a campaign's emails sent and not sent", outputs("emailsSent", "emailsNotSent", "sendSummary"),
                    required("campaignId", "campaign")),
            task("reviewWinBackEngagement", "Review campaign engagement", outputs("rotations", "escalations", "strategyReview"),
                    required("campaignId", "campaign"), optional("belowShare", "default 0.8"), optional("cyclesToAct", "default 3"),
                    optional("minConfidence", "default 0.5"), optional("priorStrength", "default 20")),
            task("learnSaveProbabilities", "Learn save probabilities", outputs("saveProbabilityChanges", "saveProbabilitySummary"),
                    required("campaignId", "campaign"), optional("minSent", "default 20"), optional("priorWeight", "default 50")),
            new Task("recordEndReason", Kind.EXECUTION_LISTENER, "Record why the run ended (end events)",
                    List.of(optional("endReason", "the reason; default: the end event's name")), List.of("endReason"), List.of()),
            new Task("appendMessage", Kind.EXECUTION_LISTENER, "Append a message to the conversation (messages, transcript)",
                    List.of(optional("messageAuthor", "customer (default), ai or rep"),
                            optional("messageText", "the message; default: the variable text")),
                    List.of("messages", "transcript"), List.of()),
            new Task("winBackSchedule", Kind.SETTING, "The weekly win-back schedule (circuitos.winback.schedule)",
                    List.of(), List.of("cron"), List.of()));

    private static final Map<String, Task> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(Task::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    private GenericTasks() {
    }

    public static List<Task> all() {
        return ALL;
    }

    public static Optional<Task> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean isRegistered(String name) {
        return BY_NAME.containsKey(name);
    }

    public static List<Task> ofKind(Kind kind) {
        return ALL.stream().filter(t -> t.kind() == kind).toList();
    }

    /** The registry as the engine's deployment guard and sandboxed expressions ask it. */
    public static RegisteredTasks registered() {
        return REGISTERED;
    }

    private static final RegisteredTasks REGISTERED = new RegisteredTasks() {

        @Override
        public Optional<Kind> kind(String name) {
            return find(name).map(Task::kind);
        }

        @Override
        public Refers refers(String task, String input) {
            return find(task).flatMap(t -> t.input(input)).map(Input::refers).orElse(Refers.NOTHING);
        }

        @Override
        public List<String> names(Kind kind) {
            return ofKind(kind).stream().map(Task::name).toList();
        }
    };

    private static Task task(String name, String title, List<String> outputs, Input... inputs) {
        return task(name, title, outputs, List.of(), inputs);
    }

    private static Task task(String name, String title, List<String> outputs, List<String> errors, Input... inputs) {
        return new Task(name, Kind.SERVICE_TASK, title, Arrays.asList(inputs), outputs, errors);
    }

    private static List<String> outputs(String... names) {
        return List.of(names);
    }

    private static Input required(String name, String description) {
        return new Input(name, true, Refers.NOTHING, description);
    }

    private static Input optional(String name, String description) {
        return new Input(name, false, Refers.NOTHING, description);
    }

    private static Input model(String name, String description) {
        return new Input(name, true, Refers.MODEL, description);
    }

    private static Input prompt(String name) {
        return new Input(name, true, Refers.PROMPT, "a prompt id in prompts/");
    }
}
