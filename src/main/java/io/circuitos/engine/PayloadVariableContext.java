package io.circuitos.engine;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** A decision's variables with the run's payload fields beneath them, so a DMN input {@code amount} reads the field. */
final class PayloadVariableContext implements VariableContext {

    private final VariableContext variables;
    private final Map<String, Object> fields;

    private PayloadVariableContext(VariableContext variables, Map<String, Object> fields) {
        this.variables = variables;
        this.fields = fields;
    }

    static VariableContext of(VariableContext variables) {
        if (variables == null || !variables.containsVariable(RunPayload.VARIABLE)) {
            return variables;
        }
        TypedValue payload = variables.resolve(RunPayload.VARIABLE);
        Map<String, Object> fields = RunPayload.fields(payload == null ? null : payload.getValue());
        return fields.isEmpty() ? variables : new PayloadVariableContext(variables, fields);
    }

    @Override
    public TypedValue resolve(String name) {
        if (variables.containsVariable(name) || !fields.containsKey(name)) {
            return variables.resolve(name);
        }
        return Variables.untypedValue(fields.get(name));
    }

    @Override
    public boolean containsVariable(String name) {
        return variables.containsVariable(name) || fields.containsKey(name);
    }

    @Override
    public Set<String> keySet() {
        Set<String> names = new LinkedHashSet<>(variables.keySet());
        names.addAll(fields.keySet());
        return names;
    }
}
