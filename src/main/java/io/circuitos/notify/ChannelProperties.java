package io.circuitos.notify;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code circuitos.channels.<name>.url}: where each alert channel's incoming webhook lives. */
@ConfigurationProperties("circuitos")
public record ChannelProperties(@DefaultValue Map<String, Channel> channels) {

    public record Channel(String url) {
    }
}
