package io.circuitos.tasks;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.circuitos.notify.OutboundWebhookProperties;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Generic "send a signed webhook" task (Standard Webhooks, as circuitos receives them): the variables named in
 * {@code fields} become the event's {@code data}. The {@code webhook-id}
 * is the same on every retry of the same step ({@code <instance>-<activity>}), so the receiver can
 * drop repeats. A non-2xx answer fails the job and the engine retries it. {@code webhookDelivered} is true once
 * the target answered 2xx, false with {@code notSentReason} when the target has no URL. Variables named in the
 * optional {@code jsonFields} hold JSON text and are sent as JSON, not as text.
 */
public class SendWebhookTask implements JavaDelegate, GenericTask {

    private static final Logger LOG = LoggerFactory.getLogger(SendWebhookTask.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final TaskInput<String> TARGET = TaskInput.text("target", "a target of circuitos.outbound").required();
    static final TaskInput<String> EVENT_TYPE = TaskInput.text("eventType", "the event's type").required();
    static final TaskInput<List<String>> FIELDS = TaskInput.list("fields", "comma-separated variables sent as the event's data")
            .required();
    static final TaskInput<List<String>> JSON_FIELDS = TaskInput.list("jsonFields",
            "those of the fields that hold JSON text (e.g. messages), sent as JSON");
    static final TaskOutput<String> WEBHOOK_ID = TaskOutput.text("webhookId", "the event's id, the same on every retry");
    public static final TaskOutput<Boolean> WEBHOOK_DELIVERED = TaskOutput.bool("webhookDelivered",
            "whether the target answered 2xx");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("sendWebhook")
            .title("Send a signed webhook")
            .description("Posts a signed event (Standard Webhooks) with the named variables as its data to a configured target; "
                    + "the event keeps its id on every retry, so the receiver can drop repeats.")
            .inputs(TARGET, EVENT_TYPE, FIELDS, JSON_FIELDS)
            .outputs(WEBHOOK_ID, WEBHOOK_DELIVERED, SendEmailTask.NOT_SENT_REASON)
            .sideEffect("posts an event to another system")
            .build();

    private final OutboundWebhookProperties properties;
    private final RestClient http;

    public SendWebhookTask(OutboundWebhookProperties properties, RestClient http) {
        this.properties = properties;
        this.http = http;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String targetName = TARGET.require(execution);
        OutboundWebhookProperties.Target target = properties.outbound().get(targetName);
        String id = "msg_" + execution.getProcessInstanceId() + "-" + execution.getCurrentActivityId();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ObjectNode event = JSON.createObjectNode();
        event.put("type", EVENT_TYPE.require(execution));
        event.put("timestamp", now.toString());
        ObjectNode data = event.putObject("data");
        List<String> jsonFields = JSON_FIELDS.read(execution, List.of());
        for (String field : FIELDS.read(execution, List.of())) {
            Object value = RunPayload.field(execution, field);
            data.set(field, jsonFields.contains(field) && value != null ? JSON.readTree(value.toString()) : JSON.valueToTree(value));
        }
        String body = JSON.writeValueAsString(event);
        WEBHOOK_ID.write(execution, id);
        if (target == null || target.url() == null || target.url().isBlank()) {
            LOG.info("no URL for outbound webhook target '{}' (circuitos.outbound.{}.url); not sent: {}", targetName, targetName, body);
            WEBHOOK_DELIVERED.write(execution, false);
            SendEmailTask.NOT_SENT_REASON.write(execution, "no address is configured for the " + targetName);
            return;
        }
        long seconds = now.getEpochSecond();
        String signature = new Webhook(target.secret()).sign(id, seconds, body);
        http.post().uri(target.url()).contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(seconds)).header("webhook-signature", signature)
                .body(body).retrieve().toBodilessEntity();
        WEBHOOK_DELIVERED.write(execution, true);
    }
}
