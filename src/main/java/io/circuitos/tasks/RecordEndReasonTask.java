package io.circuitos.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Generic execution listener {@code ${recordEndReason}} for end events: writes the instance's
 * {@code endReason} from the event's input {@code endReason}, or from the event's name when it has none,
 * so every run says why it ended without an expression that sets variables.
 */
public class RecordEndReasonTask implements ExecutionListener, GenericTask {

    static final TaskInput<String> REASON = TaskInput.text("endReason", "the reason; default: the end event's name");
    static final TaskOutput<String> END_REASON = TaskOutput.text(REASON.name(), "why the run ended, as the trail and the audit show it");

    public static final TaskSpec SPEC = TaskSpec.endEventListener("recordEndReason")
            .title("Record why the run ended (end events)")
            .description("Records on the run why it ended: the end event's endReason input, else the end event's name.")
            .inputs(REASON)
            .outputs(END_REASON)
            .noSideEffects()
            .build();

    @Override
    public void notify(DelegateExecution execution) {
        String reason = REASON.readLocal(execution);
        END_REASON.writeToRun(execution, reason != null ? reason : execution.getCurrentActivityName());
    }
}
