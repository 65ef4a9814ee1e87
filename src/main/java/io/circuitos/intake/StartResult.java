package io.circuitos.intake;

/** What the intake answers: the instance started for a delivery (or the one a duplicate refers to). */
public record StartResult(String processInstanceId, String businessKey, boolean duplicate) {
}
