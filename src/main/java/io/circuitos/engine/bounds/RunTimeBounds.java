package io.circuitos.engine.bounds;

/**
 * What one transaction of the engine may do, whoever deployed the process: how many instances a
 * multi-instance activity may create and how many activities may start before the transaction is stopped.
 *
 * @param maxMultiInstanceCardinality {@code circuitos.deployments.limits.max-multi-instance-cardinality}
 * @param maxStepsPerTransaction      {@code circuitos.engine.max-steps-per-transaction}
 */
public record RunTimeBounds(int maxMultiInstanceCardinality, int maxStepsPerTransaction) {

    public static final String CARDINALITY_PROPERTY = "circuitos.deployments.limits.max-multi-instance-cardinality";
    public static final String STEPS_PROPERTY = "circuitos.engine.max-steps-per-transaction";

    public RunTimeBounds {
        if (maxMultiInstanceCardinality < 1 || maxStepsPerTransaction < 1) {
            throw new IllegalArgumentException(CARDINALITY_PROPERTY + " and " + STEPS_PROPERTY + " must be at least 1");
        }
    }

    /** The application's defaults: room for every shipped agent, a 10,000-customer win-back included. */
    public static RunTimeBounds defaults() {
        return new RunTimeBounds(10_000, 50_000);
    }
}
