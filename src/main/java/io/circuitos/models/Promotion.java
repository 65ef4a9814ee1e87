package io.circuitos.models;

import java.time.Instant;

/** An analyst's change of a model's champion: {@code action} {@code promote} or {@code rollback}, who, when and why. */
public record Promotion(String modelName, String action, String fromVersion, String toVersion, String byUser, String reason, Instant at) {
}
