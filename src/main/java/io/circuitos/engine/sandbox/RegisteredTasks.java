package io.circuitos.engine.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * The generic tasks a deployment may name, as the deployment guard and the sandboxed expressions see them:
 * which bean names are tasks (of which kind) and what a task's input must name. The engine knows no task;
 * the task catalogue supplies this.
 */
public interface RegisteredTasks {

    enum Kind { SERVICE_TASK, EXECUTION_LISTENER, TASK_LISTENER, SETTING }

    /**
     * What an input's value must name, checked when a deployment is made: a prompt, or a model whose
     * features are read from the process variables of the same names ({@code MODEL}) or from the customer
     * store's fields ({@code CUSTOMER_MODEL}). A {@code TEMPLATE} (a shipped text template) is checked by the
     * contract check, not by the guard; so are {@code TOOLS}.
     */
    enum Refers {
        NOTHING, MODEL, CUSTOMER_MODEL, PROMPT, TEMPLATE,
        /** Comma-separated names of tasks the catalogue offers the LLM as tools. */
        TOOLS;

        public boolean isModel() {
            return this == MODEL || this == CUSTOMER_MODEL;
        }
    }

    /** The kind of the task registered under {@code name}, empty when no task is. */
    Optional<Kind> kind(String name);

    /** What input {@code input} of task {@code task} must name; {@link Refers#NOTHING} for an unknown task or input. */
    Refers refers(String task, String input);

    /** The names of the registered tasks of a kind, in the registry's order. */
    List<String> names(Kind kind);

    /** Whether the task registered under {@code name} may be offered to the LLM as a tool (read-only). */
    boolean isTool(String name);

    default boolean isRegistered(String name) {
        return kind(name).isPresent();
    }
}
