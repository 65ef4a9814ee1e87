package io.circuitos.agents.winback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Writes local {@code strategy}: the strategy the customer's {@code segment} is on now. */
public class CurrentStrategyDelegate implements JavaDelegate {

    private final StrategyBook strategies;

    public CurrentStrategyDelegate(StrategyBook strategies) {
        this.strategies = strategies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal("strategy", strategies.currentStrategy(String.valueOf(execution.getVariable("segment"))));
    }
}
