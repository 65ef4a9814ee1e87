package io.circuitos.tasks;

import io.circuitos.engine.RunPayload;
import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One input of a generic task, declared in its {@link TaskSpec} and read through this object, so the
 * variable's name is written once: {@code MODEL_NAME.require(execution)}. Values are read the way analysts
 * write them: an input parameter typed in the Modeler holds text ("0.8", "true"), a process variable holds
 * a number or a boolean; either is accepted, and a value of the wrong kind fails naming the input and the task.
 *
 * @param <T> what the task gets: {@code String}, {@code Double}, {@code Boolean}, {@code List<String>} or the raw JSON value
 */
public final class TaskInput<T> {

    /** Who gives the value. */
    public enum Source {
        /** An input parameter of the task in the BPMN (the default). */
        BOUND,
        /** An input parameter in the BPMN, or the LLM when the task is one of its tools. */
        LLM,
        /** The run's variable of that name, where the task runs: modelled without an input parameter. */
        RUN;

        public String label() {
            return switch (this) {
                case BOUND -> "bound in the BPMN";
                case LLM -> "the LLM may fill it";
                case RUN -> "from the run";
            };
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(Object value, String name, DelegateExecution execution);
    }

    private final String name;
    private final ValueType type;
    private final boolean required;
    private final Refers refers;
    private final Source source;
    private final String description;
    private final Reader<T> reader;

    private TaskInput(String name, ValueType type, boolean required, Refers refers, Source source, String description,
                      Reader<T> reader) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a task input needs a variable name, was '" + name + "'");
        }
        this.name = name;
        this.type = type;
        this.required = required;
        this.refers = refers;
        this.source = source;
        this.description = description;
        this.reader = reader;
    }

    private static <T> TaskInput<T> of(String name, ValueType type, String description, Reader<T> reader) {
        return new TaskInput<>(name, type, false, Refers.NOTHING, Source.BOUND, description, reader);
    }

    public static TaskInput<String> text(String name, String description) {
        return of(name, ValueType.TEXT, description, (value, input, execution) -> value.toString());
    }

    public static TaskInput<Double> number(String name, String description) {
        return of(name, ValueType.NUMBER, description, TaskInput::number);
    }

    public static TaskInput<Boolean> bool(String name, String description) {
        return of(name, ValueType.BOOLEAN, description, TaskInput::bool);
    }

    /** Comma-separated names, e.g. {@code "customerId, answer"}: trimmed, blanks dropped. */
    public static TaskInput<List<String>> list(String name, String description) {
        return of(name, ValueType.LIST, description, (value, input, execution) -> list(value));
    }

    public static TaskInput<Object> json(String name, String description) {
        return of(name, ValueType.JSON, description, (value, input, execution) -> value);
    }

    /** The task cannot work without it. */
    public TaskInput<T> required() {
        return new TaskInput<>(name, type, true, refers, source, description, reader);
    }

    /** What a value must name (a model, a prompt, a template), checked when a deployment is made or checked. */
    public TaskInput<T> naming(Refers what) {
        return new TaskInput<>(name, type, required, what, source, description, reader);
    }

    /** The LLM may fill it when the task is one of its tools. */
    public TaskInput<T> llmMayFill() {
        return new TaskInput<>(name, type, required, refers, Source.LLM, description, reader);
    }

    /** Read from the run's variable of that name, not from an input parameter. */
    public TaskInput<T> fromRun() {
        return new TaskInput<>(name, type, required, refers, Source.RUN, description, reader);
    }

    public String name() {
        return name;
    }

    public ValueType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public Refers refers() {
        return refers;
    }

    public Source source() {
        return source;
    }

    public String description() {
        return description;
    }

    /** The value where the task runs (its input parameter, else the run's variable or payload field); null when there is none. */
    public T read(DelegateExecution execution) {
        Object value = RunPayload.field(execution, name);
        return value == null ? null : reader.read(value, name, execution);
    }

    /** The value, or {@code fallback} when there is none. */
    public T read(DelegateExecution execution, T fallback) {
        T value = read(execution);
        return value == null ? fallback : value;
    }

    /** The value; fails naming the input and the task when there is none. */
    public T require(DelegateExecution execution) {
        T value = read(execution);
        if (value == null) {
            throw new IllegalStateException("task " + execution.getCurrentActivityId() + " has no input '" + name + "'");
        }
        return value;
    }

    /** The value set on the element itself (its input parameter), not one of the run's; null when there is none. */
    public T readLocal(DelegateExecution execution) {
        Object value = execution.getVariableLocal(name);
        return value == null ? null : reader.read(value, name, execution);
    }

    /** Whether a value is there at all, whatever its type. */
    public boolean isSet(DelegateExecution execution) {
        return RunPayload.field(execution, name) != null;
    }

    public boolean isSetLocally(DelegateExecution execution) {
        return execution.hasVariableLocal(name);
    }

    private static Double number(Object value, String name, DelegateExecution execution) {
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

    private static Boolean bool(Object value, String name, DelegateExecution execution) {
        if (value instanceof Boolean yes) {
            return yes;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("input '" + name + "' of task " + execution.getCurrentActivityId()
                    + " is not true or false: " + value);
        };
    }

    private static List<String> list(Object value) {
        List<String> names = new ArrayList<>();
        for (String item : value.toString().split(",")) {
            if (!item.isBlank()) {
                names.add(item.trim());
            }
        }
        return Collections.unmodifiableList(names);
    }

    @Override
    public String toString() {
        return name + " (" + type.label() + ")";
    }
}
