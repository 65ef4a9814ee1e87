package io.circuitos.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
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
 * drop repeats. A non-2xx answer fails the job and the engine retries it. Writes local {@code webhookId}.
 */
public class OutboundWebhookDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundWebhookDelegate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        for (String field : String.valueOf(execution.getVariable("fields")).split(",")) {
            Object value = execution.getVariable(field.trim());
            data.set(field.trim(), JSON.valueToTree(value));
        }
        String body = JSON.writeValueAsString(event);
        execution.setVariableLocal("webhookId", id);
        if (target == null || target.url() == null || target.url().isBlank()) {
            LOG.info("no URL for outbound webhook target '{}' (circuitos.outbound.{}.url); not sent: {}", targetName, targetName, body);
            return;
        }
        long seconds = now.getEpochSecond();
        String signature = new Webhook(target.secret()).sign(id, seconds, body);
        http.post().uri(target.url()).contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(seconds)).header("webhook-signature", signature)
                .body(body).retrieve().toBodilessEntity();
    }
}
