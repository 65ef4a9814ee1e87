package io.circuitos.cases;

import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import io.circuitos.tasks.ValueType;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A task whose answer the case fixes ({@code fakes.tasks}): it writes the outputs the case gives, by the names its spec
 * declares (or any name, for a task that also writes fields beyond them, such as a customer's), and does nothing else. The way a case pins down what a tool or a selection returns.
 */
final class FixedAnswerTask implements JavaDelegate, ExecutionListener {

    private final TaskSpec spec;
    private final Map<String, Object> answer;
    private final List<RecordedEffect> answered;

    FixedAnswerTask(TaskSpec spec, Map<String, Object> answer, List<RecordedEffect> answered) {
        for (String name : answer.keySet()) {
            if (spec.also().isEmpty() && spec.outputs().stream().noneMatch(o -> o.name().equals(name))) {
                throw new CaseBookException("task " + spec.name() + " has no output '" + name + "'; its outputs are "
                        + spec.outputs().stream().map(TaskOutput::name).toList());
            }
        }
        this.spec = spec;
        this.answer = answer;
        this.answered = answered;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (spec.hasSideEffects()) {
            answered.add(new RecordedEffect(spec.name(), execution.getCurrentActivityId(), Map.of()));
        }
        answer.forEach((name, value) -> {
            boolean json = spec.outputs().stream().anyMatch(o -> o.name().equals(name) && o.type() == ValueType.JSON);
            Object variable = json && value != null
                    ? Variables.objectValue(value).serializationDataFormat(Variables.SerializationDataFormats.JSON).create() : value;
            StandInOutputs.write(spec, execution, name, variable);
        });
    }

    @Override
    public void notify(DelegateExecution execution) {
        execute(execution);
    }
}
