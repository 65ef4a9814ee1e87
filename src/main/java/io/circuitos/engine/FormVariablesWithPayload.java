package io.circuitos.engine;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A task form's variables with the run's payload fields no variable shadows ({@link RunPayload}), so a Camunda Form
 * field keyed {@code amount} shows the start's field as it did when each field was a variable. Tasklist loads a
 * Camunda Form's values through this command ({@code GET /task/{id}/form-variables}).
 */
final class FormVariablesWithPayload extends CommandInterceptor {

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (!(command instanceof GetTaskFormVariablesCmd form)) {
            return next.execute(command);
        }
        Command<VariableMap> withFields = commandContext -> {
            VariableMap variables = form.execute(commandContext);
            TaskEntity task = commandContext.getTaskManager().findTaskById(form.resourceId);
            if (task != null) {
                addFields(variables, RunPayload.fields(task.getVariable(RunPayload.VARIABLE)), form.formVariableNames);
            }
            return variables;
        };
        return (T) next.execute(withFields);
    }

    private static void addFields(VariableMap variables, Map<String, Object> fields, Collection<String> wanted) {
        fields.forEach((name, value) -> {
            if (!variables.containsKey(name) && (wanted == null || wanted.contains(name))) {
                variables.putValue(name, value);
            }
        });
    }
}
