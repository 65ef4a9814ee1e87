package io.circuitos.engine.sandbox;

import io.circuitos.engine.RunPayload;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;

/**
 * Method calls for the sandbox: only the {@link SafeMembers} methods of their receiver's type. Bean
 * properties (getters) are never resolved, so {@code execution.processEngineServices} and
 * {@code x.class} find nothing.
 */
final class AllowListMethodResolver extends BeanELResolver {

    AllowListMethodResolver() {
        super(true);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null) {
            return null;
        }
        String name = method.toString();
        if (!SafeMembers.isAllowed(base, name)) {
            throw new ProcessEngineException("circuitos expression sandbox: method '" + name + "' may not be called on "
                    + base.getClass().getSimpleName() + " (README, \"What analysts may deploy\")");
        }
        if (base instanceof VariableScope scope && params != null && params.length == 1 && params[0] instanceof String variable) {
            // execution.getVariable('amount') finds a payload field as ${amount} does
            if (name.equals("getVariable")) {
                context.setPropertyResolved(true);
                return RunPayload.field(scope, variable);
            }
            if (name.equals("hasVariable")) {
                context.setPropertyResolved(true);
                return RunPayload.has(scope, variable);
            }
        }
        return super.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // never resolved: the next resolver (none) reports the property as not found
    }
}
