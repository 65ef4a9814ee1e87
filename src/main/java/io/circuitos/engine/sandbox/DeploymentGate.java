package io.circuitos.engine.sandbox;

import java.util.List;
import java.util.Map;

/**
 * A check a feature adds to a user's deployment after the guard's own rules pass (the agents' case books, say), run inside
 * the deployment's transaction: what it answers refuses the deployment whole, as the guard's problems do.
 */
public interface DeploymentGate {

    /**
     * @param source the deployment's source as the deploying tool sent it ({@code deployment-source}); may carry an override
     * @return the problems that refuse these resources; empty when they may go live
     */
    List<ResourceProblems> refusals(Map<String, byte[]> resources, String source, String userId, List<String> groups);

    /** What the gate finds on these resources, for a check that deploys nothing: one line per subject it looked at. */
    default List<Finding> findings(Map<String, byte[]> resources) {
        return List.of();
    }

    /** @param subject what was looked at (an agent), {@code passes} whether it lets the resources go live */
    record Finding(String subject, boolean passes, String summary) {
    }
}
