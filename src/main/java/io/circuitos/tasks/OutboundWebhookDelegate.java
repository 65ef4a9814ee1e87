package io.circuitos.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.circuitos.notify.OutboundWebhookProperties;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Generic "send a signed webhook" task (Standard Webhooks, as circuitos receives them). Inputs
 * {@code target} (a {@code circuitos.outbound.<target>} entry), {@code eventType} and {@code fields}
 * (comma-separated process variables that become the event's {@code data}). The {@code webhook-id}
 * is the same on every retry of the same step ({@code <instance>-<activity>}), so the receiver can
 * drop repeats. A non-2xx answer fails the job and the engine retries it. Writes local {@code webhookId} and
 * {@code webhookDelivered} (true once the target answered 2xx; false with {@code notSentReason} when the target has
 * no URL). Variables named in the optional {@code jsonFields} hold JSON text and are sent as JSON, not as text.
 */
public class OutboundWebhookDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundWebhookDelegate.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DELIVERED = "webhookDelivered";

    private final OutboundWebhookProperties properties;
    private final RestClient http;

    public OutboundWebhookDelegate(OutboundWebhookProperties properties, RestClient http) {
        this.properties = properties;
        this.http = http;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String targetName = String.valueOf(execution.getVariable("target"));
        OutboundWebhookProperties.Target target = properties.outbound().get(targetName);
        String id = "msg_" + execution.getProcessInstanceId() + "-" + execution.getCurrentActivityId();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ObjectNode event = JSON.createObjectNode();
        event.put("type", String.valueOf(execution.getVariable("eventType")));
        event.put("timestamp", now.toString());
        ObjectNode data = event.putObject("data");
        java.util.Set<String> jsonFields = names(execution.getVariable("jsonFields"));
        for (String field : names(execution.getVariable("fields"))) {
            Object value = execution.getVariable(field);
            data.set(field, jsonFields.contains(field) && value != null ? JSON.readTree(value.toString()) : JSON.valueToTree(value));
        }
        String body = JSON.writeValueAsString(event);
        execution.setVariableLocal("webhookId", id);
        if (target == null || target.url() == null || target.url().isBlank()) {
            LOG.info("no URL for outbound webhook target '{}' (circuitos.outbound.{}.url); not sent: {}", targetName, targetName, body);
            execution.setVariableLocal(DELIVERED, false);
            execution.setVariableLocal(SendEmailDelegate.NOT_SENT_REASON, "no address is configured for the " + targetName);
            return;
        }
        long seconds = now.getEpochSecond();
        String signature = new Webhook(target.secret()).sign(id, seconds, body);
        http.post().uri(target.url()).contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(seconds)).header("webhook-signature", signature)
                .body(body).retrieve().toBodilessEntity();
        execution.setVariableLocal(DELIVERED, true);
    }

    private static java.util.Set<String> names(Object commaSeparated) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (commaSeparated != null) {
            for (String name : commaSeparated.toString().split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }
}
