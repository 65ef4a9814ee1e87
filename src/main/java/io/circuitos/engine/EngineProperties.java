package io.circuitos.engine;

import io.circuitos.engine.bounds.FeelBudget;
import io.circuitos.engine.sandbox.DeploymentLimits;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engine layer's settings: this node's job lock owner ({@code circuitos.node-id}), the run-time bounds of every
 * process and decision whoever deployed it ({@code circuitos.engine.*}, {@code circuitos.decisions.*}) and the deployment
 * guard ({@code circuitos.deployments.*}). docs/security.md "Run-time bounds" says why each bound is where it is.
 *
 * @param nodeId the owner under which this node locks jobs, unique among running processes; unset: host name and HTTP
 *               port ({@link NodeLocks})
 */
@ConfigurationProperties("circuitos")
public record EngineProperties(String nodeId, @DefaultValue Engine engine, @DefaultValue Decisions decisions,
                               @DefaultValue Deployments deployments) {

    /**
     * @param maxStepsPerTransaction activities one engine transaction (a start, a message, a job) may start before it is
     *                               rolled back with an incident or a 4xx; a win-back chunk of 100 customers starts about 1,500
     */
    public record Engine(@DefaultValue("50000") int maxStepsPerTransaction) {
    }

    /**
     * The FEEL evaluation budget ({@link FeelBudget}) and the what-if replay's.
     *
     * @param evaluationTimeout per FEEL expression that iterates or defines functions (others are bounded by their length)
     * @param evaluationWorkers threads those run on; a timed-out one keeps its thread until it ends (feel-scala cannot be
     *                          interrupted)
     * @param maxFeelIterations iterations an expression's for/some/every ranges may add up to, counted before it runs
     * @param whatIfTimeout     one what-if replay as a whole
     */
    public record Decisions(@DefaultValue("PT2S") Duration evaluationTimeout, @DefaultValue("2") int evaluationWorkers,
                            @DefaultValue("100000") long maxFeelIterations, @DefaultValue("PT30S") Duration whatIfTimeout) {

        public FeelBudget feelBudget() {
            return new FeelBudget(evaluationTimeout, evaluationWorkers, maxFeelIterations);
        }
    }

    /**
     * @param trustedGroups groups whose members deploy without the guard, which is the same as shell access to the
     *                      server (default none)
     * @param limits        how big and deep a deployment may be, and the run bounds read off its files
     */
    public record Deployments(@DefaultValue List<String> trustedGroups, @DefaultValue DeploymentLimits limits) {
    }
}
