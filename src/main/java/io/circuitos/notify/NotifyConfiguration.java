package io.circuitos.notify;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration
public class NotifyConfiguration {

    @Bean
    public ChannelNotifier notifyChannel(ChannelProperties channels, RestClient.Builder builder) {
        return new ChannelNotifier(channels, client(builder));
    }

    @Bean
    public OutboundWebhookDelegate sendWebhook(OutboundWebhookProperties targets, RestClient.Builder builder) {
        return new OutboundWebhookDelegate(targets, client(builder));
    }

    private static RestClient client(RestClient.Builder builder) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(10));
        return builder.clone().requestFactory(requests).build();
    }
}
