package io.circuitos.tasks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The execution a task sees when it runs as a tool of an {@code llmAgent}: its inputs are the arguments (the
 * model's, checked against the spec, and those bound in the BPMN), everything else it reads is the run's, and
 * every variable it writes is captured for the model instead of landing on the run. The run's ids, business
 * key and engine services are the agent task's.
 */
final class ToolExecution {

    private ToolExecution() {
    }

    /** A view of {@code run} with these inputs, whose writes go into {@code written}. */
    static DelegateExecution of(DelegateExecution run, Map<String, Object> inputs, Map<String, Object> written) {
        return (DelegateExecution) Proxy.newProxyInstance(ToolExecution.class.getClassLoader(), new Class<?>[] {DelegateExecution.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable", "getVariableTyped" -> typedIf(method, value(run, inputs, written, method, args));
                    case "getVariableLocal", "getVariableLocalTyped" -> typedIf(method, local(inputs, written, (String) args[0]));
                    case "hasVariable" -> inputs.containsKey(args[0]) || written.containsKey(args[0]) || run.hasVariable((String) args[0]);
                    case "hasVariableLocal" -> inputs.containsKey(args[0]) || written.containsKey(args[0]);
                    case "getVariables", "getVariablesTyped" -> Variables.fromMap(merged(run.getVariables(), inputs, written));
                    case "getVariablesLocal", "getVariablesLocalTyped" -> Variables.fromMap(merged(Map.of(), inputs, written));
                    case "setVariable", "setVariableLocal" -> {
                        written.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "setVariables", "setVariablesLocal" -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> values = (Map<String, Object>) args[0];
                        written.putAll(values);
                        yield null;
                    }
                    case "removeVariable", "removeVariableLocal" -> written.remove(args[0]);
                    case "removeVariables", "removeVariablesLocal" -> {
                        if (args == null || args.length == 0) {
                            written.clear();
                        } else {
                            written.keySet().removeAll((Collection<?>) args[0]);
                        }
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "tool execution in " + run.getCurrentActivityId();
                    default -> invoke(run, method, args);
                });
    }

    private static Object value(DelegateExecution run, Map<String, Object> inputs, Map<String, Object> written, Method method, Object[] args) {
        String name = (String) args[0];
        if (written.containsKey(name)) {
            return written.get(name);
        }
        if (inputs.containsKey(name)) {
            return inputs.get(name);
        }
        return invoke(run, method, args);
    }

    /** A typed getter gets a typed value, whatever the map holds. */
    private static Object typedIf(Method method, Object value) {
        if (!method.getName().endsWith("Typed") || value == null || value instanceof TypedValue) {
            return value;
        }
        return Variables.untypedValue(value);
    }

    private static Object local(Map<String, Object> inputs, Map<String, Object> written, String name) {
        return written.containsKey(name) ? written.get(name) : inputs.get(name);
    }

    private static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> inputs, Map<String, Object> written) {
        Map<String, Object> all = new LinkedHashMap<>(base);
        all.putAll(inputs);
        all.putAll(written);
        return all;
    }

    private static Object invoke(DelegateExecution run, Method method, Object[] args) {
        try {
            return method.invoke(run, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
