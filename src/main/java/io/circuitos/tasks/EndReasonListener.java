package io.circuitos.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Generic execution listener {@code ${recordEndReason}} for end events: writes the instance's
 * {@code endReason} from the event's input {@code endReason}, or from the event's name when it has none,
 * so every run says why it ended without an expression that sets variables.
 */
public class EndReasonListener implements ExecutionListener {

    public static final String VARIABLE = "endReason";

    @Override
    public void notify(DelegateExecution execution) {
        Object reason = execution.getVariableLocal(VARIABLE);
        execution.getProcessInstance().setVariable(VARIABLE, reason != null ? reason.toString() : execution.getCurrentActivityName());
    }
}
