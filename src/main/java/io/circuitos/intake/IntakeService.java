package io.circuitos.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.intake.WebhookProperties.Route;
import io.circuitos.intake.WebhookProperties.Source;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a signed webhook into a started agent: source, rate limit, signature, payload, route, then
 * the claim of {@code (source, webhook-id)} and the process start in one transaction. Every check
 * runs before anything is written, so a rejected request leaves no trace.
 */
public class IntakeService {

    private final WebhookProperties properties;
    private final ObjectMapper json;
    private final RuntimeService runtimeService;
    private final DeliveryStore deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SignatureVerifier signatures = new SignatureVerifier();
    private final SourceRateLimiter rateLimiter = new SourceRateLimiter();

    public IntakeService(WebhookProperties properties, ObjectMapper json, RuntimeService runtimeService,
                         DeliveryStore deliveries, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.runtimeService = runtimeService;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    public StartResult receive(String sourceName, String body, String webhookId, String timestamp, String signature) {
        Source source = properties.sources().get(sourceName);
        if (source == null || source.secret() == null || source.secret().isBlank()) {
            throw IntakeRejection.notFound("unknown webhook source '" + sourceName + "'");
        }
        rateLimiter.acquire(sourceName, source.rateLimitPerMinute());
        signatures.verify(sourceName, source.secret(), body, webhookId, timestamp, signature);
        return accept(sourceName, webhookId, parse(body));
    }

    /**
     * Validates an already authenticated event (a verified webhook, or the shipped demo events) and
     * starts its route's process once per {@code (source, deliveryId)}.
     */
    public StartResult accept(String sourceName, String deliveryId, JsonNode event) {
        String type = requiredText(event, "type");
        Route route = route(sourceName, type);
        if (!event.path("data").isObject()) {
            throw IntakeRejection.badField("data", "is required and must be an object");
        }
        Map<String, Object> variables = PayloadMapper.variables(route, event);
        return start(sourceName, deliveryId, type, route, variables);
    }

    /** Starts the route's process once per {@code (source, deliveryId)}; used by webhooks and bulk imports. */
    public StartResult start(String sourceName, String deliveryId, String type, Route route, Map<String, Object> variables) {
        Object businessKeyValue = variables.get(route.businessKey());
        String businessKey = businessKeyValue == null ? null : businessKeyValue.toString();
        variables.put("eventSource", sourceName);
        variables.put("eventType", type);
        variables.put("deliveryId", deliveryId);
        try {
            return transactions.execute(tx -> {
                deliveries.claim(sourceName, deliveryId, type, businessKey, clock.instant());
                ProcessInstance instance = runtimeService.createProcessInstanceByKey(route.processKey())
                        .businessKey(businessKey)
                        .setVariables(variables)
                        .execute();
                deliveries.attach(sourceName, deliveryId, instance.getId());
                return new StartResult(instance.getId(), businessKey, false);
            });
        } catch (DuplicateKeyException duplicate) {
            return deliveries.find(sourceName, deliveryId).orElseThrow(() -> duplicate);
        }
    }

    public Route route(String sourceName, String type) {
        Optional<Route> route = properties.routes().stream().filter(r -> r.type().equals(type)).findFirst();
        if (route.isEmpty()) {
            throw IntakeRejection.badField("type", "unknown event type '" + type + "'");
        }
        if (!route.get().sources().isEmpty() && !route.get().sources().contains(sourceName)) {
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
