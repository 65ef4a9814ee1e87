package io.circuitos.cases;

import java.util.Map;

/** A side effect a case's run asked for and the case book recorded instead of performing: which task, where, with what. */
public record RecordedEffect(String task, String activityId, Map<String, Object> inputs) {
}
