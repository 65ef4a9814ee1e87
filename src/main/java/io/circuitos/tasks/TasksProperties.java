package io.circuitos.tasks;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generic tasks' own settings, {@code circuitos.mail.from} and {@code circuitos.schedule.zone} (the channels and
 * outbound targets they call are {@code io.circuitos.notify}'s, the model's and the budget's {@code io.circuitos.llm}'s).
 */
@ConfigurationProperties("circuitos")
public record TasksProperties(@DefaultValue Mail mail, @DefaultValue Schedule schedule) {

    /**
     * @param from the sender of the "send email" task; the SMTP server itself is Spring's {@code spring.mail.*} (without a
     *             host emails are logged, not sent)
     */
    public record Mail(@DefaultValue("circuitos@localhost") String from) {
    }

    /** @param zone the time zone of send times such as "10:00" */
    public record Schedule(@DefaultValue("UTC") ZoneId zone) {
    }
}
