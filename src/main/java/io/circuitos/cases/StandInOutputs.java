package io.circuitos.cases;

import io.circuitos.tasks.TaskSpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Where a stand-in for a task (recorded or answered by the case) writes an output: where the task itself would. */
final class StandInOutputs {

    private StandInOutputs() {
    }

    static void write(TaskSpec spec, DelegateExecution execution, String name, Object value) {
        switch (spec.outputsGo()) {
            case MAPPED -> execution.setVariableLocal(name, value); // the element's output mappings take it
            case INTO_RUN -> execution.getProcessInstance().setVariable(name, value);
            // into the enclosing scope; a task writing a whole record (a customer's fields) writes it where it runs
            default -> {
                if (spec.also().isEmpty()) {
                    execution.setVariable(name, value);
                } else {
                    execution.setVariableLocal(name, value);
                }
            }
        }
    }
}
