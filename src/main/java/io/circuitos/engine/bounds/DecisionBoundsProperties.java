package io.circuitos.engine.bounds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.decisions.*}: the FEEL evaluation budget (see {@link FeelBudget}) and the total time
 * of one what-if replay ({@code what-if-timeout}).
 */
@ConfigurationProperties("circuitos.decisions")
public record DecisionBoundsProperties(@DefaultValue("PT2S") Duration evaluationTimeout,
                                       @DefaultValue("2") int evaluationWorkers,
                                       @DefaultValue("100000") long maxFeelIterations,
                                       @DefaultValue("PT30S") Duration whatIfTimeout) {

    public FeelBudget feelBudget() {
        return new FeelBudget(evaluationTimeout, evaluationWorkers, maxFeelIterations);
    }
}
