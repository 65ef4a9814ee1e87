package io.circuitos.engine.sandbox;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.json.SpinJsonPathQuery;
import org.joda.time.DateTime;

/**
 * What an expression in an untrusted deployment may call: a few functions, and side-effect-free methods
 * on a few value types. The deployment guard checks the names when a deployment is made; the
 * sandboxed expression manager checks the receiver's type as well when an expression is evaluated.
 * Everything not listed here is refused.
 */
public final class SafeMembers {

    /** Engine functions (Camunda's and Spin's) allowed in expressions. */
    public static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups", "S", "JSON");

    /** The identifiers the engine resolves to itself; only the variable reads below may be called on them. */
    public static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution");

    private static final Set<String> VARIABLE_READS = Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal",
            "getBusinessKey", "getProcessBusinessKey", "getProcessInstanceId", "getCurrentActivityId", "getCurrentActivityName",
            "getEventName");

    private static final Map<Class<?>, Set<String>> METHODS = methods();

    private static final Set<String> ALL_METHOD_NAMES = METHODS.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private SafeMembers() {
    }

    private static Map<Class<?>, Set<String>> methods() {
        Map<Class<?>, Set<String>> methods = new LinkedHashMap<>();
        methods.put(VariableScope.class, VARIABLE_READS);
        methods.put(String.class, Set.of("concat", "toLowerCase", "toUpperCase", "trim", "strip", "length", "isEmpty", "isBlank",
                "contains", "startsWith", "endsWith", "substring", "indexOf", "replace", "equals", "equalsIgnoreCase", "toString"));
        methods.put(Number.class, Set.of("intValue", "longValue", "doubleValue", "toString"));
        methods.put(Boolean.class, Set.of("booleanValue", "toString"));
        methods.put(DateTime.class, Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours", "plusMinutes", "plusSeconds",
                "minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours", "minusMinutes", "minusSeconds",
                "withTimeAtStartOfDay", "toDate", "isBefore", "isAfter", "isBeforeNow", "isAfterNow", "getDayOfWeek", "getHourOfDay",
                "toString"));
        methods.put(Date.class, Set.of("getTime", "before", "after", "toString"));
        methods.put(Map.class, Set.of("get", "containsKey", "size", "isEmpty"));
        methods.put(Collection.class, Set.of("size", "isEmpty", "contains", "get"));
        // Spin JSON reads; mapTo (which builds arbitrary Java types) is deliberately absent
        methods.put(SpinJsonNode.class, Set.of("prop", "hasProp", "elements", "fieldNames", "stringValue", "numberValue", "boolValue",
                "isNull", "isString", "isNumber", "isBoolean", "isArray", "isObject", "isValue", "value", "jsonPath", "toString"));
        methods.put(SpinJsonPathQuery.class, Set.of("element", "elementList", "stringValue", "numberValue", "boolValue"));
        return methods;
    }

    /** Whether a method of this name may be called on some allowed type (the check made at deployment). */
    public static boolean isAllowedMethodName(String name) {
        return ALL_METHOD_NAMES.contains(name);
    }

    public static boolean isVariableRead(String name) {
        return VARIABLE_READS.contains(name);
    }

    /** Whether {@code method} may be called on {@code target} (the check made at evaluation). */
    public static boolean isAllowed(Object target, String method) {
        if (target == null) {
            return false;
        }
        for (Map.Entry<Class<?>, Set<String>> entry : METHODS.entrySet()) {
            if (entry.getKey().isInstance(target) && entry.getValue().contains(method)) {
                return true;
            }
        }
        return false;
    }
}
