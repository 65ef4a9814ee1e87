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
 * Slack-style incoming-webhook URL ({@code circuitos.channels.<channel>.url}). Inputs
 * {@code channel} and {@code message}; writes local {@code notified} (false when the channel has no
 * URL configured, e.g. in the embedded default, with {@code notSentReason}). A failing POST throws, so the engine's job retry
 * cycle applies.
 */
public class ChannelNotifier implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelNotifier.class);

    private final ChannelProperties channels;
    private final RestClient http;

    public ChannelNotifier(ChannelProperties channels, RestClient http) {
        this.channels = channels;
        this.http = http;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String channel = String.valueOf(execution.getVariable("channel"));
        String message = String.valueOf(execution.getVariable("message"));
        ChannelProperties.Channel target = channels.channels().get(channel);
        if (target == null || target.url() == null || target.url().isBlank()) {
            LOG.info("channel '{}' has no URL configured (circuitos.channels.{}.url); not sent: {}", channel, channel, message);
            execution.setVariableLocal("notified", false);
            execution.setVariableLocal(SendEmailDelegate.NOT_SENT_REASON, "no address is configured for the channel " + channel);
            return;
        }
        http.post().uri(target.url()).contentType(MediaType.APPLICATION_JSON).body(Map.of("text", message))
                .retrieve().toBodilessEntity();
        execution.setVariableLocal("notified", true);
    }
}
