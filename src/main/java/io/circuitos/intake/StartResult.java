package io.circuitos.intake;

/**
 * What the intake answers: the run a delivery started, continued or left alone (or the one a duplicate
 * refers to). {@code outcome} is {@value #STARTED}, {@value #CONTINUED}, {@value #IGNORED_ACTIVE_RUN} or
 * {@value #APPLIED} (a handler route: no run), or for a route that queues, {@value #QUEUED} (no run yet) until the
 * drainer started it; {@code activeRun} is true when the event met a run that
 * was already active instead of starting one.
 */
public record StartResult(String processInstanceId, String businessKey, boolean duplicate, String outcome, boolean activeRun) {

    public static final String STARTED = "started";
    public static final String CONTINUED = "continued";
    public static final String IGNORED_ACTIVE_RUN = "ignored-active-run";
    public static final String APPLIED = "applied";
    /** Stored in the inbox; the drainer starts it (its status: {@code GET /api/webhooks/{source}/deliveries/{webhook-id}}). */
    public static final String QUEUED = "queued";
    /** The drainer gave up on it (its status says why). */
    public static final String FAILED = "failed";

    static StartResult queued(String businessKey) {
        return new StartResult(null, businessKey, false, QUEUED, false);
    }

    static StartResult of(String processInstanceId, String businessKey, String outcome) {
        return new StartResult(processInstanceId, businessKey, false, outcome, CONTINUED.equals(outcome) || IGNORED_ACTIVE_RUN.equals(outcome));
    }

    /** The answer to a redelivery of a recorded delivery (recorded before outcomes were: started, or applied without a run). */
    static StartResult recorded(String processInstanceId, String businessKey, String outcome) {
        String known = outcome != null ? outcome : processInstanceId != null ? STARTED : APPLIED;
        return new StartResult(processInstanceId, businessKey, true, known, CONTINUED.equals(known) || IGNORED_ACTIVE_RUN.equals(known));
    }
}
