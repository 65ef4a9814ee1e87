package io.circuitos.intake;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.intake.WebhookProperties.Source;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import io.circuitos.engine.OneCommand;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a signed webhook into a started agent: source, rate limit, signature, payload, route, then either
 * one insert into the durable inbox (a route that starts runs: {@link InboxDrainer} starts it later) or the
 * process start and the record of {@code (source, webhook-id)} in one transaction. Every check runs before
 * anything is written, so a rejected request leaves no trace.
 */
public class IntakeService {

    /** Transactions a delivery may lose to concurrent ones for its key before it is answered 409 (send again). */
    private static final int RACE_ATTEMPTS = 5;

    private final WebhookProperties properties;
    private final RouteCatalogue routes;
    private final ObjectMapper json;
    private final RuntimeService runtimeService;
    private final DeliveryStore deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OneCommand oneCommand;
    private final Map<String, EventHandler> handlers;
    private final SignatureVerifier signatures;
    private final RunKeyStore runKeys;
    private final RateLimiter sourceLimits = new RateLimiter();
    private final RateLimiter failedAuthentications = new RateLimiter();
    private final InboxLevel inboxLevel;

    public IntakeService(WebhookProperties properties, RouteCatalogue routes, ObjectMapper json, RuntimeService runtimeService,
                         DeliveryStore deliveries, RunKeyStore runKeys, TransactionTemplate transactions, OneCommand oneCommand, Clock clock,
                         List<EventHandler> handlers, InboxLevel inboxLevel) {
        this.properties = properties;
        this.inboxLevel = inboxLevel;
        this.routes = routes;
        this.json = json;
        this.runtimeService = runtimeService;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.oneCommand = oneCommand;
        this.clock = clock;
        this.signatures = new SignatureVerifier(clock);
        this.runKeys = runKeys;
        this.handlers = handlers.stream().collect(java.util.stream.Collectors.toMap(EventHandler::name, h -> h));
        properties.check(routes);
        for (Route route : routes.routes()) {
            if (route.handler() != null && !this.handlers.containsKey(route.handler())) {
                throw new IllegalStateException("route " + route.type() + " names handler '" + route.handler()
                        + "' but only " + this.handlers.keySet() + " exist");
            }
        }
    }

    /**
     * A delivery from {@code remoteAddress}. Its source's rate limit is charged only once the signature
     * verifies; failed authentications are limited per remote address, so garbage cannot starve a
     * valid sender.
     */
    public StartResult receive(String sourceName, String body, String webhookId, String timestamp, String signature, String remoteAddress) {
        Source source = properties.sources().get(sourceName);
        if (source == null || !source.accepts()) {
            throw IntakeRejection.notFound("unknown webhook source '" + sourceName + "'");
        }
        int failures = properties.failedAuthenticationsPerMinute();
        failedAuthentications.refuseIfExhausted(remoteAddress, failures, "failed authentications from " + remoteAddress);
        checkWebhookId(webhookId);
        try {
            signatures.verify(sourceName, source.secret(), body, webhookId, timestamp, signature);
        } catch (IntakeRejection rejected) {
            failedAuthentications.charge(remoteAddress, failures);
            throw rejected;
        }
        sourceLimits.acquire(sourceName, source.rateLimitPerMinute(), "rate limit for source '" + sourceName + "'");
        Delivery delivery = prepare(sourceName, webhookId, parse(body), true);
        return queues(delivery.route()) ? enqueue(sourceName, delivery) : start(sourceName, delivery);
    }

    /** Whether a webhook for this route goes through the durable inbox. */
    boolean queues(Route route) {
        return properties.inbox().enabled() && route.startTiming() == StartTiming.QUEUED;
    }

    private static void checkWebhookId(String webhookId) {
        if (webhookId != null && webhookId.length() > IntakeLimits.WEBHOOK_ID_MAX_LENGTH) {
            throw IntakeRejection.badField("webhook-id", "is longer than " + IntakeLimits.WEBHOOK_ID_MAX_LENGTH + " characters");
        }
        if (webhookId != null && webhookId.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw IntakeRejection.badField("webhook-id", "contains a control character");
        }
    }

    /**
     * Validates an already authenticated event (the shipped demo events) and starts its route's process once per
     * {@code (source, deliveryId)}, in the call.
     */
    public StartResult accept(String sourceName, String deliveryId, JsonNode event) {
        return start(sourceName, prepare(sourceName, deliveryId, event, true));
    }

    /**
     * Stores a checked delivery in the durable inbox and answers it queued; the same delivery again answers what the
     * first one became. Deeper than the inbox's limit, a new delivery is refused with 429 and a Retry-After.
     */
    StartResult enqueue(String sourceName, Delivery delivery) {
        String businessKey = businessKey(delivery);
        if (inboxLevel.full(properties.inbox().maxDepth())) {
            Optional<StartResult> known = deliveries.find(sourceName, delivery.deliveryId());
            if (known.isPresent()) {
                return known.get();
            }
            throw IntakeRejection.tooManyRequests("the inbox holds " + inboxLevel.queued() + " deliveries waiting to start (limit "
                    + properties.inbox().maxDepth() + "); nothing was stored, send again later", inboxLevel.retryAfterSeconds());
        }
        try {
            deliveries.enqueue(sourceName, delivery.deliveryId(), delivery.type(), businessKey, RunPayload.toJson(delivery.variables()),
                    clock.instant());
        } catch (DuplicateKeyException known) {
            return deliveries.find(sourceName, delivery.deliveryId()).orElseThrow(() -> known);
        }
        inboxLevel.added();
        return StartResult.queued(businessKey);
    }

    /**
     * Starts the route's process once per {@code (source, deliveryId)}. A transaction that loses a race (the
     * same delivery, or the first delivery of the same business key, committed by another) runs again: then it
     * finds the delivery, or the business key's lock row and its run.
     */
    public StartResult start(String sourceName, Delivery delivery) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> startAndRecord(sourceName, delivery, null, true));
            } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
                Optional<StartResult> known = deliveries.find(sourceName, delivery.deliveryId());
                if (known.isPresent()) {
                    return known.get();
                }
                if (attempt == RACE_ATTEMPTS) {
                    throw IntakeRejection.conflict("another delivery for business key '" + businessKey(delivery)
                            + "' is being processed; nothing was stored, send again", IntakeRejectionHandler.OUTAGE_RETRY_AFTER_SECONDS);
                }
            }
        }
    }

    /**
     * Starts a batch of deliveries in one transaction (bulk imports): known ones are answered as
     * duplicates without a write; if another upload races us to a key, the batch falls back to one
     * transaction per delivery so every row still gets its own answer.
     */
    public List<StartResult> startAll(String sourceName, List<Delivery> batch) {
        Map<String, StartResult> known = deliveries.findAll(sourceName, batch.stream().map(Delivery::deliveryId).toList());
        try {
            // one engine command for the batch: its starts share one entity cache (process and job definitions
            // read once, not per start) and one flush, which batches the inserts of every instance
            return transactions.execute(tx -> {
                List<StartResult> results = oneCommand.run(() -> {
                    Map<String, String> latestDefinitions = new java.util.HashMap<>(); // the batch starts the version deployed when it began
                    return batch.stream().map(d -> known.containsKey(d.deliveryId()) ? known.get(d.deliveryId())
                            : run(d, latestDefinitions, false)).toList();
                });
                List<Delivery> started = batch.stream().filter(d -> !known.containsKey(d.deliveryId())).toList();
                deliveries.recordAll(sourceName, started, results.stream().filter(r -> !r.duplicate()).toList(), clock.instant());
                return results;
            });
        } catch (DuplicateKeyException raced) {
            return batch.stream().map(d -> start(sourceName, d)).toList();
        }
    }

    /**
     * Starts queued deliveries the drainer has locked, in one engine command, honouring each route's
     * {@code on-active-run} (a batch holds each business key once, so no start in it hides from another's query).
     * The caller's transaction records the results.
     */
    List<StartResult> startQueued(List<DeliveryStore.Queued> batch) {
        return oneCommand.run(() -> {
            Map<String, String> latestDefinitions = new java.util.HashMap<>();
            return batch.stream().map(queued -> run(delivery(queued), latestDefinitions, true)).toList();
        });
    }

    /** A queued delivery as its route maps it now (a route removed since it was stored refuses it: 4xx, not tried again). */
    private Delivery delivery(DeliveryStore.Queued queued) {
        return new Delivery(queued.webhookId(), queued.eventType(), route(null, queued.eventType()), RunPayload.fromJson(queued.variables()));
    }

    /**
     * Runs the delivery as {@link #run} does and records it with the outcome. A concurrent or repeated delivery of the
     * same key fails on the primary key and its whole transaction, start included, rolls back. Where the delivery came
     * from lives in the delivery table, not in process variables.
     */
    private StartResult startAndRecord(String sourceName, Delivery delivery, Map<String, String> latestDefinitions, boolean checkActiveRun) {
        if (delivery.route().handler() != null) {
            // a handler may refuse what it has seen (an outcome labels a run once): the same delivery again is a duplicate first
            Optional<StartResult> known = deliveries.find(sourceName, delivery.deliveryId());
            if (known.isPresent()) {
                return known.get();
            }
        }
        StartResult result = run(delivery, latestDefinitions, checkActiveRun);
        deliveries.record(sourceName, delivery.deliveryId(), delivery.type(), result, clock.instant());
        return result;
    }

    /**
     * Starts, continues or leaves alone the route's run as its {@link ActiveRunPolicy} says ({@code checkActiveRun} false:
     * a bulk import, which starts), or applies the route's handler.
     */
    private StartResult run(Delivery delivery, Map<String, String> latestDefinitions, boolean checkActiveRun) {
        String businessKey = businessKey(delivery);
        Route route = delivery.route();
        if (route.handler() != null) {
            String run = handlers.get(route.handler()).handle(route, businessKey, delivery.variables());
            return StartResult.of(run, businessKey, StartResult.APPLIED);
        }
        Optional<String> activeRun = route.activeRunPolicy() == ActiveRunPolicy.START || !checkActiveRun
                ? Optional.empty() : lockedActiveRun(route.processKey(), businessKey);
        if (activeRun.isPresent() && route.activeRunPolicy() == ActiveRunPolicy.IGNORE) {
            return StartResult.of(activeRun.get(), businessKey, StartResult.IGNORED_ACTIVE_RUN);
        }
        if (activeRun.isPresent()) {
            return StartResult.of(continueRun(delivery, activeRun.get()), businessKey, StartResult.CONTINUED);
        }
        if (route.message() != null) {
            return correlate(delivery, businessKey);
        }
        return StartResult.of(startRun(delivery, businessKey, latestDefinitions), businessKey, StartResult.STARTED);
    }

    /** The business key's active run, looked for while holding the key's lock (so a concurrent delivery waits for this one). */
    private Optional<String> lockedActiveRun(String processKey, String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        runKeys.lock(processKey, businessKey);
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .list().stream().map(ProcessInstance::getId).sorted().findFirst();
    }

    private String startRun(Delivery delivery, String businessKey, Map<String, String> latestDefinitions) {
        if (latestDefinitions == null) {
            return runtimeService.createProcessInstanceByKey(delivery.route().processKey())
                    .businessKey(businessKey).setVariables(delivery.route().startVariables(delivery.variables())).execute().getId();
        }
        // looked up as the start by key would, inside the batch's command (the start checks the caller's grants)
        String definitionId = latestDefinitions.computeIfAbsent(delivery.route().processKey(), OneCommand::latestDefinitionId);
        return runtimeService.createProcessInstanceById(definitionId)
                .businessKey(businessKey).setVariables(delivery.route().startVariables(delivery.variables())).execute().getId();
    }

    /**
     * The route's message, to the active run only. Checked first: correlating to a run that does not wait
     * would fall through to the message start event and start a second run beside it.
     */
    private String continueRun(Delivery delivery, String processInstanceId) {
        String message = delivery.route().message();
        boolean waits = runtimeService.createExecutionQuery().processInstanceId(processInstanceId).messageEventSubscriptionName(message).count() > 0;
        if (waits) {
            MessageCorrelationResult result = runtimeService.createMessageCorrelation(message).processInstanceId(processInstanceId)
                    .setVariables(delivery.variables()).correlateWithResult();
            if (result.getResultType() == MessageCorrelationResultType.Execution) {
                return result.getExecution().getProcessInstanceId();
            }
        }
        // thrown inside the transaction, so anything the correlation did rolls back
        throw IntakeRejection.conflict("the active " + delivery.route().processKey() + " run " + processInstanceId
                + " is not waiting for " + message + " now (it is between steps, or past the step that takes it); "
                + "nothing was stored, send again later", IntakeRejectionHandler.OUTAGE_RETRY_AFTER_SECONDS);
    }

    private StartResult correlate(Delivery delivery, String businessKey) {
        try {
            MessageCorrelationResult result = runtimeService.createMessageCorrelation(delivery.route().message())
                    .processInstanceBusinessKey(businessKey)
                    .setVariables(delivery.variables())
                    .correlateWithResult();
            // a message start event starts a new instance (with the business key); otherwise a waiting one continues
            return result.getResultType() == MessageCorrelationResultType.ProcessDefinition
                    ? StartResult.of(result.getProcessInstance().getId(), businessKey, StartResult.STARTED)
                    : StartResult.of(result.getExecution().getProcessInstanceId(), businessKey, StartResult.CONTINUED);
        } catch (MismatchingMessageCorrelationException nobodyWaits) {
            throw IntakeRejection.notFound("no running " + delivery.route().processKey() + " with business key '"
                    + businessKey + "' is waiting for " + delivery.route().message());
        }
    }

    private static String businessKey(Delivery delivery) {
        Object value = delivery.variables().get(delivery.route().businessKey());
        return value == null ? null : value.toString();
    }

    /** An event that passed validation, ready to start: its delivery id, type, route and variables. */
    public record Delivery(String deliveryId, String type, Route route, Map<String, Object> variables) {
    }

    /** Validates an event against its route without starting anything. */
    public Delivery prepare(String sourceName, String deliveryId, JsonNode event, boolean checkSource) {
        String type = requiredText(event, "type");
        Route route = checkSource ? route(sourceName, type) : route(null, type);
        if (!event.path("data").isObject()) {
            throw IntakeRejection.badField("data", "is required and must be an object");
        }
        return new Delivery(deliveryId, type, route, PayloadMapper.variables(route, event));
    }

    public Route route(String sourceName, String type) {
        Optional<Route> route = routes.route(type);
        if (route.isEmpty()) {
            throw IntakeRejection.badField("type", "unknown event type '" + type + "'");
        }
        if (sourceName != null && !route.get().sources().contains(sourceName)) {
            throw IntakeRejection.badField("type", "event type '" + type + "' is not accepted from source '" + sourceName + "'");
        }
        return route.get();
    }

    private JsonNode parse(String body) {
        try {
            JsonNode event = json.readTree(body);
            if (event == null || !event.isObject()) {
                throw IntakeRejection.badField("body", "malformed JSON: the body must be a JSON object");
            }
            return event;
        } catch (JsonProcessingException e) { // where, not the parser's own words (they name its classes and settings)
            throw IntakeRejection.badField("body", e.getLocation() == null ? "malformed JSON"
                    : "malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    private static String requiredText(JsonNode event, String field) {
        JsonNode node = event.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw IntakeRejection.badField(field, "is required");
        }
        return node.asText();
    }
}
