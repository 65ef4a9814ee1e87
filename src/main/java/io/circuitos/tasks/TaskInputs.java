package io.circuitos.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reads a task's numeric inputs the way analysts write them: a process variable holds a number, an
 * input parameter typed in the Modeler holds text ("0.8"). Either is accepted.
 */
public final class TaskInputs {

    private TaskInputs() {
    }

    /** The input as a number; fails naming the input and the task when it is missing or not a number. */
    public static double number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("task " + execution.getCurrentActivityId() + " has no input '" + name + "'");
        }
        return parse(execution, name, value);
    }

    /** The input as a number, or {@code fallback} when it is not set. */
    public static double number(DelegateExecution execution, String name, double fallback) {
        Object value = execution.getVariable(name);
        return value == null ? fallback : parse(execution, name, value);
    }

    private static double parse(DelegateExecution execution, String name, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("input '" + name + "' of task " + execution.getCurrentActivityId()
                    + " is not a number: " + value, e);
        }
    }
}
