package io.circuitos.notify;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.outbound.<target>.url} and {@code .secret}: systems circuitos sends signed
 * Standard Webhooks to (e.g. the help desk). An empty URL means the event is only logged.
 */
@ConfigurationProperties("circuitos")
public record OutboundWebhookProperties(@DefaultValue Map<String, Target> outbound) {

    public record Target(String url, String secret) {
    }
}
