package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Writes local {@code strategy}: the strategy the customer's {@code segment} is on now. */
public class CurrentWinBackStrategyTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> SEGMENT = TaskInput.text("segment", "customer segment").required().fromRun();
    static final TaskOutput<String> STRATEGY = TaskOutput.text("strategy", "the strategy the segment is on now");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("currentWinBackStrategy")
            .agent(CampaignRun.AGENT)
            .title("Current strategy of a segment")
            .description("The win-back strategy a customer segment is on now.")
            .inputs(SEGMENT)
            .outputs(STRATEGY)
            .writesIntoScope()
            .noSideEffects()
            .build();

    private final StrategyStore strategies;

    public CurrentWinBackStrategyTask(StrategyStore strategies) {
        this.strategies = strategies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        STRATEGY.write(execution, strategies.currentStrategy(SEGMENT.require(execution)));
    }
}
