package io.circuitos.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.intake.WebhookProperties.Route;
import io.circuitos.intake.WebhookProperties.Source;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a signed webhook into a started agent: source, rate limit, signature, payload, route, then
 * the process start and the record of {@code (source, webhook-id)} in one transaction. Every check
 * runs before anything is written, so a rejected request leaves no trace.
 */
public class IntakeService {

    private final WebhookProperties properties;
    private final ObjectMapper json;
    private final RuntimeService runtimeService;
    private final DeliveryStore deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CommandExecutor oneCommand;
    private final Map<String, EventHandler> handlers;
    private final SignatureVerifier signatures;
    private final RateLimiter sourceLimits = new RateLimiter();
    private final RateLimiter failedAuthentications = new RateLimiter();

    public IntakeService(WebhookProperties properties, ObjectMapper json, RuntimeService runtimeService,
                         DeliveryStore deliveries, TransactionTemplate transactions, CommandExecutor oneCommand, Clock clock,
                         List<EventHandler> handlers) {
        this.properties = properties;
        this.json = json;
        this.runtimeService = runtimeService;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.oneCommand = oneCommand;
        this.clock = clock;
        this.signatures = new SignatureVerifier(clock);
        this.handlers = handlers.stream().collect(java.util.stream.Collectors.toMap(EventHandler::name, h -> h));
        properties.check();
        for (Route route : properties.routes()) {
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
        return accept(sourceName, webhookId, parse(body));
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
     * Validates an already authenticated event (a verified webhook, or the shipped demo events) and
     * starts its route's process once per {@code (source, deliveryId)}.
     */
    public StartResult accept(String sourceName, String deliveryId, JsonNode event) {
        return start(sourceName, prepare(sourceName, deliveryId, event, true));
    }

    /** Starts the route's process once per {@code (source, deliveryId)}. */
    public StartResult start(String sourceName, Delivery delivery) {
        try {
            return transactions.execute(tx -> startInTransaction(sourceName, delivery, null));
        } catch (DuplicateKeyException duplicate) {
            return deliveries.find(sourceName, delivery.deliveryId()).orElseThrow(() -> duplicate);
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
            return transactions.execute(tx -> oneCommand.execute(commandContext -> {
                Map<String, String> latestDefinitions = new java.util.HashMap<>(); // the batch starts the version deployed when it began
                return batch.stream().map(d -> known.containsKey(d.deliveryId()) ? known.get(d.deliveryId())
                        : startInTransaction(sourceName, d, latestDefinitions)).toList();
            }));
        } catch (DuplicateKeyException raced) {
            return batch.stream().map(d -> start(sourceName, d)).toList();
        }
    }

    /**
     * Starts the instance, then records the delivery with its instance id. A concurrent or repeated
     * delivery of the same key fails on the primary key and its whole transaction, start included,
     * rolls back. Where the delivery came from lives in the delivery table, not in process variables.
     */
    private StartResult startInTransaction(String sourceName, Delivery delivery, Map<String, String> latestDefinitions) {
        Object businessKeyValue = delivery.variables().get(delivery.route().businessKey());
        String businessKey = businessKeyValue == null ? null : businessKeyValue.toString();
        String instanceId;
        if (delivery.route().handler() != null) {
            handlers.get(delivery.route().handler()).handle(delivery.type(), delivery.variables());
            instanceId = null;
        } else if (delivery.route().message() != null) {
            instanceId = correlate(delivery, businessKey);
        } else if (latestDefinitions == null) {
            instanceId = runtimeService.createProcessInstanceByKey(delivery.route().processKey())
                    .businessKey(businessKey).setVariables(delivery.variables()).execute().getId();
        } else {
            // looked up as the start by key would, inside the batch's command (the start checks the caller's grants)
            String definitionId = latestDefinitions.computeIfAbsent(delivery.route().processKey(), key -> Context.getProcessEngineConfiguration()
                    .getDeploymentCache().findDeployedLatestProcessDefinitionByKey(key).getId());
            instanceId = runtimeService.createProcessInstanceById(definitionId)
                    .businessKey(businessKey).setVariables(delivery.variables()).execute().getId();
        }
        deliveries.record(sourceName, delivery.deliveryId(), delivery.type(), businessKey, instanceId, clock.instant());
        return new StartResult(instanceId, businessKey, false);
    }

    private String correlate(Delivery delivery, String businessKey) {
        try {
            MessageCorrelationResult result = runtimeService.createMessageCorrelation(delivery.route().message())
                    .processInstanceBusinessKey(businessKey)
                    .setVariables(delivery.variables())
                    .correlateWithResult();
            // a message start event starts a new instance (with the business key); otherwise a waiting one continues
            return result.getResultType() == MessageCorrelationResultType.ProcessDefinition
                    ? result.getProcessInstance().getId()
                    : result.getExecution().getProcessInstanceId();
        } catch (MismatchingMessageCorrelationException nobodyWaits) {
            throw IntakeRejection.notFound("no running " + delivery.route().processKey() + " with business key '"
                    + businessKey + "' is waiting for " + delivery.route().message());
        }
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
        Optional<Route> route = properties.routes().stream().filter(r -> r.type().equals(type)).findFirst();
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
                throw IntakeRejection.badRequest("malformed JSON: the body must be a JSON object");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw IntakeRejection.badRequest("malformed JSON: " + e.getOriginalMessage());
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
