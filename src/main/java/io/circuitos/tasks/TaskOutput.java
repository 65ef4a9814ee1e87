package io.circuitos.tasks;

import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One output of a generic task, declared in its {@link TaskSpec} and written through this object, so the
 * variable's name is written once: {@code PROBABILITY.write(execution, p)}.
 *
 * @param <T> what the task gives: {@code String}, a {@code Number}, {@code Boolean}, {@code List<String>}
 *            (stored as comma-separated text), a {@code Date} or a typed JSON value
 */
public final class TaskOutput<T> {

    private final String name;
    private final ValueType type;
    private final String description;
    private final Function<T, Object> toVariable;

    private TaskOutput(String name, ValueType type, String description, Function<T, Object> toVariable) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a task output needs a variable name, was '" + name + "'");
        }
        this.name = name;
        this.type = type;
        this.description = description;
        this.toVariable = toVariable;
    }

    public static TaskOutput<String> text(String name, String description) {
        return new TaskOutput<>(name, ValueType.TEXT, description, value -> value);
    }

    /** Kept as the task gives it: an {@code Integer} stays one. */
    public static TaskOutput<Number> number(String name, String description) {
        return new TaskOutput<>(name, ValueType.NUMBER, description, value -> value);
    }

    public static TaskOutput<Boolean> bool(String name, String description) {
        return new TaskOutput<>(name, ValueType.BOOLEAN, description, value -> value);
    }

    /** Stored as comma-separated text, as a {@link TaskInput#list list input} reads it. */
    public static TaskOutput<List<String>> list(String name, String description) {
        return new TaskOutput<>(name, ValueType.LIST, description, value -> value == null ? null : String.join(",", value));
    }

    public static TaskOutput<Date> date(String name, String description) {
        return new TaskOutput<>(name, ValueType.DATE, description, value -> value);
    }

    /** A JSON value, e.g. {@code SpinValues.jsonValue(text).create()} or a JSON-serialized object value. */
    public static TaskOutput<TypedValue> json(String name, String description) {
        return new TaskOutput<>(name, ValueType.JSON, description, value -> value);
    }

    public String name() {
        return name;
    }

    public ValueType type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** On the element, for its output mappings (or, without mappings, the scope it runs in) to take. */
    public void write(VariableScope scope, T value) {
        scope.setVariableLocal(name, toVariable.apply(value));
    }

    /** Where the variable already lives in the scopes around the element, else on the run ({@code setVariable}). */
    public void writeInScope(VariableScope scope, T value) {
        scope.setVariable(name, toVariable.apply(value));
    }

    /** On the run (the process instance), whatever the element's scope. */
    public void writeToRun(DelegateExecution execution, T value) {
        execution.getProcessInstance().setVariable(name, toVariable.apply(value));
    }

    /** What the variable holds now where {@code scope} sees it; null when unset. */
    public Object valueIn(VariableScope scope) {
        return scope.getVariable(name);
    }

    /** What the element itself holds, e.g. what a send task wrote before its end listener runs. */
    public Object localValueIn(VariableScope scope) {
        return scope.getVariableLocal(name);
    }

    @Override
    public String toString() {
        return name + " (" + type.label() + ")";
    }
}
