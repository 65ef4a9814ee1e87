package io.circuitos.engine.sandbox;

import io.circuitos.engine.ExpressionSettings;
import java.util.AbstractMap;
import java.util.Set;
import java.util.function.Function;

/**
 * The beans expressions may name: the generic-task registry's, looked up by name when an expression is
 * evaluated (in the application from Spring, in process tests from Camunda's mocks). Settings are
 * exposed as read-only maps of their values, so no method of theirs can be reached.
 */
final class RegisteredBeans extends AbstractMap<Object, Object> {

    private final Function<String, Object> lookup;
    private final RegisteredTasks tasks;

    RegisteredBeans(Function<String, Object> lookup, RegisteredTasks tasks) {
        this.lookup = lookup;
        this.tasks = tasks;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && tasks.isRegistered(name) && lookup.apply(name) != null;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name) || !tasks.isRegistered(name)) {
            return null;
        }
        Object bean = lookup.apply(name);
        return bean instanceof ExpressionSettings settings ? settings.expressionValues() : bean;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        throw new UnsupportedOperationException("registered beans are looked up by name only");
    }
}
