package io.circuitos.tasks;

import io.circuitos.engine.sandbox.RegisteredTasks.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a generic task is, declared in code beside its implementation ({@code public static final TaskSpec SPEC}):
 * its name (the bean name BPMN files use), kind, title and description, the agent it belongs to (none for a
 * generic one), its inputs and outputs, the BPMN errors it may raise, whether it changes anything outside the
 * run, and where its outputs go. The deployment guard, the sandbox, the element templates, the contract check,
 * the docs and the LLM's tool list all read it through the {@link TaskCatalogue}.
 */
public final class TaskSpec {

    /** Where a task's outputs go. */
    public enum Outputs {
        /** Local to the task: output mappings give them the names the process uses. */
        MAPPED("mapped out (output mappings name them)"),
        /** Into the scope the task runs in: modelled without output mappings. */
        INTO_SCOPE("into the enclosing scope (no output mappings)"),
        /** Onto the run, whatever the element's scope (listeners). */
        INTO_RUN("onto the run"),
        /** Values an expression reads as {@code ${name.value}} (settings). */
        VALUES("read as ${task.value}");

        private final String label;

        Outputs(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Variables a task writes besides its listed outputs, named by what it reads or loads. */
    public enum Also {
        CUSTOMER_FIELDS("every field of the customer store (the routes with handler customer-store)"),
        PROMPT_ANSWER_FIELDS("every answer field of its prompt");

        private final String label;

        Also(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String name;
    private final Kind kind;
    private final boolean onEndEvents;
    private final String title;
    private final String description;
    private final String agent;
    private final List<TaskInput<?>> inputs;
    private final List<TaskOutput<?>> outputs;
    private final Set<Also> also;
    private final List<String> errors;
    private final String sideEffect;
    private final Outputs outputsGo;
    private final boolean tool;
    private final TaskInput<Boolean> softStop;

    private TaskSpec(Builder builder) {
        this.name = builder.name;
        this.kind = builder.kind;
        this.onEndEvents = builder.onEndEvents;
        this.title = builder.title;
        this.description = builder.description;
        this.agent = builder.agent;
        this.inputs = List.copyOf(builder.inputs);
        this.outputs = List.copyOf(builder.outputs);
        this.also = Set.copyOf(builder.also);
        this.errors = List.copyOf(builder.errors);
        this.sideEffect = builder.sideEffect;
        this.outputsGo = builder.outputsGo;
        this.tool = builder.tool;
        this.softStop = builder.softStop;
    }

    /** A service or send task, {@code camunda:delegateExpression="${name}"}; its outputs are mapped out unless it says otherwise. */
    public static Builder serviceTask(String name) {
        return new Builder(name, Kind.SERVICE_TASK, false, Outputs.MAPPED);
    }

    /** An execution listener that runs as a task or gateway ends, {@code <camunda:executionListener event="end">}. */
    public static Builder executionListener(String name) {
        return new Builder(name, Kind.EXECUTION_LISTENER, false, Outputs.INTO_RUN);
    }

    /** An execution listener that runs as an end event starts. */
    public static Builder endEventListener(String name) {
        return new Builder(name, Kind.EXECUTION_LISTENER, true, Outputs.INTO_RUN);
    }

    /** A configuration value expressions read, e.g. {@code ${winBackSchedule.cron}}; its outputs are its values. */
    public static Builder setting(String name) {
        return new Builder(name, Kind.SETTING, false, Outputs.VALUES).noSideEffects();
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** For a listener: whether it runs as an end event starts (else as an element ends). */
    public boolean onEndEvents() {
        return onEndEvents;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The agent whose own task this is ({@code win-back}), empty for a generic task any agent may use. */
    public Optional<String> agent() {
        return Optional.ofNullable(agent);
    }

    public List<TaskInput<?>> inputs() {
        return inputs;
    }

    public List<TaskOutput<?>> outputs() {
        return outputs;
    }

    public Optional<TaskInput<?>> input(String inputName) {
        return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
    }

    public List<String> inputNames() {
        return inputs.stream().map(TaskInput::name).toList();
    }

    public List<String> outputNames() {
        return outputs.stream().map(TaskOutput::name).toList();
    }

    /** What it writes besides its listed outputs. */
    public Set<Also> also() {
        return also;
    }

    /** The BPMN error codes it may raise: the process must catch each. */
    public List<String> errors() {
        return errors;
    }

    /** Whether it changes anything outside the run (sends, posts, writes a table); scoring, searching or evaluating does not. */
    public boolean hasSideEffects() {
        return sideEffect != null;
    }

    /** What it changes outside the run, empty when nothing. */
    public Optional<String> sideEffect() {
        return Optional.ofNullable(sideEffect);
    }

    public Outputs outputsGo() {
        return outputsGo;
    }

    /**
     * Whether an {@code llmAgent} may offer it to the model as a tool: a service task that changes nothing outside
     * the run. Its inputs marked {@link TaskInput#llmMayFill()} are what the model fills; the others are bound.
     */
    public boolean isTool() {
        return tool;
    }

    /**
     * The input that, set to true on an element, makes the task complete with a stop reason instead of raising its
     * BPMN errors: where it is set, the errors need no handler.
     */
    public Optional<TaskInput<Boolean>> softStop() {
        return Optional.ofNullable(softStop);
    }

    /** Whether its outputs are meant to be mapped out with output parameters (they are local to the task). */
    public boolean mapsOutputs() {
        return outputsGo == Outputs.MAPPED;
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }

    public static final class Builder {

        private final String name;
        private final Kind kind;
        private final boolean onEndEvents;
        private Outputs outputsGo;
        private String title;
        private String description;
        private String agent;
        private final List<TaskInput<?>> inputs = new ArrayList<>();
        private final List<TaskOutput<?>> outputs = new ArrayList<>();
        private final Set<Also> also = EnumSet.noneOf(Also.class);
        private final List<String> errors = new ArrayList<>();
        private String sideEffect;
        private boolean sideEffectsDeclared;
        private boolean tool;
        private TaskInput<Boolean> softStop;

        private Builder(String name, Kind kind, boolean onEndEvents, Outputs outputsGo) {
            if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("a task's name is a bean name in lowerCamelCase, was '" + name + "'");
            }
            this.name = name;
            this.kind = kind;
            this.onEndEvents = onEndEvents;
            this.outputsGo = outputsGo;
        }

        /** A few words, e.g. "Score with a model": the element template's name. */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** What it does, in a sentence or two, for the analyst and the LLM. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** The agent whose own task this is, e.g. {@code win-back}. */
        public Builder agent(String value) {
            this.agent = value;
            return this;
        }

        public Builder inputs(TaskInput<?>... values) {
            inputs.addAll(List.of(values));
            return this;
        }

        public Builder outputs(TaskOutput<?>... values) {
            outputs.addAll(List.of(values));
            return this;
        }

        public Builder alsoWrites(Also what) {
            also.add(what);
            return this;
        }

        public Builder raises(String... errorCodes) {
            errors.addAll(List.of(errorCodes));
            return this;
        }

        /** It changes something outside the run, e.g. "sends an email". */
        public Builder sideEffect(String what) {
            this.sideEffect = what;
            this.sideEffectsDeclared = true;
            return this;
        }

        /** It changes nothing outside the run (scores, searches, evaluates, reads). */
        public Builder noSideEffects() {
            this.sideEffect = null;
            this.sideEffectsDeclared = true;
            return this;
        }

        /** Its outputs land in the scope it runs in, without output mappings (e.g. inside a multi-instance sub-process). */
        public Builder writesIntoScope() {
            if (kind != Kind.SERVICE_TASK) {
                throw new IllegalStateException(name + ": only a service task's outputs go into its scope");
            }
            this.outputsGo = Outputs.INTO_SCOPE;
            return this;
        }

        /** An {@code llmAgent} may offer it to the model (it must change nothing outside the run). */
        public Builder tool() {
            this.tool = true;
            return this;
        }

        /** When {@code input} is true on an element, the task completes with a stop reason instead of raising its errors. */
        public Builder softStopWhen(TaskInput<Boolean> input) {
            this.softStop = input;
            return this;
        }

        public TaskSpec build() {
            require(title != null && !title.isBlank(), "has no title");
            require(description != null && !description.isBlank(), "has no description");
            require(sideEffectsDeclared, "does not say whether it has side effects (sideEffect(...) or noSideEffects())");
            require(unique(inputs.stream().map(TaskInput::name).toList()), "lists an input twice");
            require(unique(outputs.stream().map(TaskOutput::name).toList()), "lists an output twice");
            require(errors.stream().allMatch(e -> e != null && !e.isBlank()), "raises a blank error code");
            require(!tool || (sideEffect == null && kind == Kind.SERVICE_TASK), "is a tool, so it must be a service task without side effects");
            require(softStop == null || inputs.contains(softStop), "names a soft-stop input it does not list");
            return new TaskSpec(this);
        }

        private void require(boolean condition, String problem) {
            if (!condition) {
                throw new IllegalStateException("task " + name + " " + problem);
            }
        }

        private static boolean unique(List<String> names) {
            return new HashSet<>(names).size() == names.size();
        }
    }
}
