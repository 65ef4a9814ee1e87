package io.circuitos.engine.sandbox;

import io.circuitos.engine.RunPayload;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * Resolves {@code ${amount}} to the run's payload field when no variable of that name exists ({@link RunPayload}),
 * so analysts' expressions read a start's fields by name as they did when each was a variable of its own.
 */
final class PayloadFieldResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Map<String, Object> fields = fields(context, base, property);
        if (fields.containsKey(property)) {
            context.setPropertyResolved(true);
            return fields.get(property);
        }
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (fields(context, base, property).containsKey(property)) {
            context.setPropertyResolved(true);
            return true;
        }
        return false;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // fields are set by output mappings as variables of their own, never through an expression
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null; // nothing is set through a field
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? String.class : null;
    }

    private static Map<String, Object> fields(ELContext context, Object base, Object property) {
        if (base != null || !(property instanceof String) || RunPayload.VARIABLE.equals(property)
                || !(context.getContext(VariableScope.class) instanceof VariableScope scope)) {
            return Map.of();
        }
        return RunPayload.fields(scope.getVariable(RunPayload.VARIABLE));
    }
}
