package io.circuitos.cases;

import io.circuitos.engine.RunPayload;
import io.circuitos.tasks.SendEmailTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for a task with side effects (an email, a channel post, a webhook, a ledger write) in a case run: records
 * what it was asked and answers as the world would have, delivered or (when the case says deliveries fail) not.
 */
final class RecordingTask implements JavaDelegate, ExecutionListener {

    static final String NOT_PERFORMED = "recorded by the case book, not performed";

    private final TaskSpec spec;
    private final boolean fail;
    private final List<RecordedEffect> effects;

    RecordingTask(TaskSpec spec, boolean fail, List<RecordedEffect> effects) {
        this.spec = spec;
        this.fail = fail;
        this.effects = effects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (TaskInput<?> input : spec.inputs()) {
            inputs.put(input.name(), RunPayload.field(execution, input.name()));
        }
        effects.add(new RecordedEffect(spec.name(), execution.getCurrentActivityId(), inputs));
        for (TaskOutput<?> output : spec.outputs()) {
            StandInOutputs.write(spec, execution, output.name(), answer(output));
        }
    }

    @Override
    public void notify(DelegateExecution execution) {
        execute(execution);
    }

    private Object answer(TaskOutput<?> output) {
        if (output.name().equals(SendEmailTask.NOT_SENT_REASON.name())) {
            return fail ? "the case book's deliveries fail" : null;
        }
        return switch (output.type()) {
            case BOOLEAN -> !fail;
            case TEXT -> NOT_PERFORMED;
            case NUMBER -> 0;
            default -> null;
        };
    }

}
