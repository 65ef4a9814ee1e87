package io.circuitos.intake;

/**
 * What a route does with an event whose business key already has an active run of its process
 * ({@code on-active-run} of a route in {@code routes/<agent>.yaml}).
 */
public enum ActiveRunPolicy {

    /** Start nothing; answer the active run ({@code "outcome": "ignored-active-run"}). */
    IGNORE,
    /** Deliver the route's message to the active run ({@code "outcome": "continued"}); 409 if it is not waiting for it. */
    CORRELATE,
    /** Start another run regardless. */
    START
}
