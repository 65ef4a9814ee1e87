package io.circuitos.engine.bounds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.engine.*}: {@code max-steps-per-transaction}, the activities one engine transaction
 * (a start, a message, a job) may start before it is rolled back with an incident or a 4xx.
 */
@ConfigurationProperties("circuitos.engine")
public record EngineBoundsProperties(@DefaultValue("50000") int maxStepsPerTransaction) {
}
