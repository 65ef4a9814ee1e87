package io.circuitos.intake;

/**
 * When a route's run is started ({@code start} of a route in {@code routes/<agent>.yaml}): {@code queued}, the delivery
 * is stored in the durable inbox and answered 202 at once, the drainer starts it in a batch; {@code in-request}, the
 * run is started (or continued) inside the request and the answer carries its instance id.
 */
public enum StartTiming {

    /** 202 once stored; started in arrival order per business key by the drainer (the default for a route that starts runs). */
    QUEUED,
    /**
     * Started or continued in the request: the default for a route that continues a waiting run ({@code on-active-run:
     * correlate}) and the only way for a handler route, whose senders learn in the answer whether the run took it
     * (404 no such run, 409 not waiting now: send again).
     */
    IN_REQUEST
}
