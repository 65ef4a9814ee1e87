package io.circuitos.tasks;

/**
 * A generic task an analyst names in a BPMN file ({@code camunda:delegateExpression="${name}"}, an execution
 * listener, or a setting an expression reads), found by the {@link TaskCatalogue} without any list to edit.
 *
 * <p>The class is named after its task ({@code scoreWithModel} → {@code ScoreWithModelTask}) and declares its
 * spec beside its behaviour, in a field {@code public static final TaskSpec SPEC}. It reads its inputs and
 * writes its outputs through the {@link TaskInput} and {@link TaskOutput} constants the spec lists, so a name
 * is written once. The catalogue registers it as a bean under the task's name, built by its constructor from
 * other beans; a task that needs more (a setting, a client with timeouts) is built by a {@code @Bean} method
 * named after the task instead, and the catalogue checks that method builds this class.
 */
public interface GenericTask {

    /** The name of the field every task class declares its spec in. */
    String SPEC_FIELD = "SPEC";
}
