package io.circuitos.tasks;

import io.circuitos.notify.ChannelProperties;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Generic "notify channel Z" service task: POSTs {@code {"text": message}} to the channel's
 * Slack-style incoming-webhook URL ({@code circuitos.channels.<channel>.url}); {@code notified} is false when
 * the channel has no URL configured, e.g. in the embedded default, with {@code notSentReason}. A failing POST
 * throws, so the engine's job retry cycle applies.
 */
public class NotifyChannelTask implements JavaDelegate, GenericTask {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyChannelTask.class);

    static final TaskInput<String> CHANNEL = TaskInput.text("channel", "a channel of circuitos.channels").required();
    static final TaskInput<String> MESSAGE = TaskInput.text("message", "text to post").required().llmMayFill();
    static final TaskOutput<Boolean> NOTIFIED = TaskOutput.bool("notified", "whether the channel got the message");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("notifyChannel")
            .title("Notify a channel")
            .description("Posts a message to a chat channel's incoming webhook (Slack style).")
            .inputs(CHANNEL, MESSAGE)
            .outputs(NOTIFIED, SendEmailTask.NOT_SENT_REASON)
            .sideEffect("posts to a chat channel")
            .build();

    private final ChannelProperties channels;
    private final RestClient http;

    public NotifyChannelTask(ChannelProperties channels, RestClient http) {
        this.channels = channels;
        this.http = http;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String channel = CHANNEL.require(execution);
        String message = MESSAGE.require(execution);
        ChannelProperties.Channel target = channels.channels().get(channel);
        if (target == null || target.url() == null || target.url().isBlank()) {
            LOG.info("channel '{}' has no URL configured (circuitos.channels.{}.url); not sent: {}", channel, channel, message);
            NOTIFIED.write(execution, false);
            SendEmailTask.NOT_SENT_REASON.write(execution, "no address is configured for the channel " + channel);
            return;
        }
        http.post().uri(target.url()).contentType(MediaType.APPLICATION_JSON).body(Map.of("text", message))
                .retrieve().toBodilessEntity();
        NOTIFIED.write(execution, true);
    }
}
