package io.circuitos.outcomes;

import java.time.Instant;

/**
 * How one run ended, as the event that said so: the outcome ({@code won}, {@code signed}, {@code reopened}),
 * whether it is what the agent's model predicts ({@code positive}), and the score the run recorded before it
 * knew (model, version, probability, score; null when the run scored nothing).
 */
public record RunOutcome(String processInstanceId, String processKey, String businessKey, String outcome, boolean positive,
                         String modelName, String modelVersion, Double probability, Double score, String eventType, Instant recordedAt) {
}
