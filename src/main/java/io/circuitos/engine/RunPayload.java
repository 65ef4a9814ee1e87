package io.circuitos.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The fields a run was started with, kept in one text variable {@value #VARIABLE} (JSON) instead of one variable
 * each: a start then writes one runtime and one history row for its event instead of two per field
 * (docs/decisions/0021-payload-in-one-variable.md). Whoever reads a field by name still finds it: a variable of
 * that name first (set later by a task, a form or a message), else the payload's field. The sandboxed expression
 * manager, the FEEL engine of decision tables, the tasks' inputs and the forms' variables all read through here.
 *
 * <p>Values are what a route maps: text, whole numbers as {@code Long}, other numbers as {@code Double}, booleans
 * and null.
 */
public final class RunPayload {

    /** The variable the start's fields are kept in. */
    public static final String VARIABLE = "payload";

    /** The engine stores a text variable in a 4,000-character column; a payload that does not fit stays as separate variables. */
    static final int TEXT_LIMIT = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The last payload text parsed on this thread: a task or expression reads several fields of the same payload in a row. */
    private static final ThreadLocal<Parsed> LAST = new ThreadLocal<>();

    private record Parsed(String text, Map<String, Object> fields) {
    }

    private RunPayload() {
    }

    /**
     * The variables to start a run with: the fields {@code keptApart} names stay variables of their own (personal data,
     * which redaction finds by name), the rest go into the payload when its JSON fits the engine's text column.
     */
    public static Map<String, Object> startVariables(Map<String, Object> fields, Predicate<String> keptApart) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, Object> payload = new LinkedHashMap<>();
        fields.forEach((name, value) -> (keptApart.test(name) ? variables : payload).put(name, value));
        if (payload.size() < 2) {
            return fields; // one field costs one variable either way
        }
        String json = toJson(payload);
        if (json.length() > TEXT_LIMIT) {
            return fields;
        }
        variables.put(VARIABLE, json);
        return variables;
    }

    /** A field by name where the scope runs: its variable, else the payload's field; null when neither is there. */
    public static Object field(VariableScope scope, String name) {
        if (VARIABLE.equals(name) || scope.hasVariable(name)) {
            return scope.getVariable(name);
        }
        return fields(scope.getVariable(VARIABLE)).get(name);
    }

    /** Whether a variable or a payload field of that name is there. */
    public static boolean has(VariableScope scope, String name) {
        return scope.hasVariable(name) || (!VARIABLE.equals(name) && fields(scope.getVariable(VARIABLE)).containsKey(name));
    }

    /** Every variable the scope sees and every payload field no variable shadows; the payload itself left out. */
    public static Map<String, Object> visible(VariableScope scope) {
        return withFields(scope.getVariables());
    }

    /** These variables with the payload's fields that no variable shadows in place of the payload (e.g. a run's history). */
    public static Map<String, Object> withFields(Map<String, Object> variables) {
        Object payload = variables.get(VARIABLE);
        if (payload == null) {
            return variables;
        }
        Map<String, Object> all = new LinkedHashMap<>(fields(payload));
        all.putAll(variables);
        all.remove(VARIABLE);
        return all;
    }

    /** The payload's fields; empty when the value is not a payload. */
    public static Map<String, Object> fields(Object payload) {
        if (!(payload instanceof String text)) {
            return Map.of();
        }
        Parsed last = LAST.get();
        if (last != null && last.text().equals(text)) {
            return last.fields();
        }
        Map<String, Object> fields;
        try {
            fields = Collections.unmodifiableMap(fromJson(text));
        } catch (IllegalStateException notJson) {
            fields = Map.of(); // a variable someone else named "payload"
        }
        LAST.set(new Parsed(text, fields));
        return fields;
    }

    /** Fields as JSON, the types kept: text, whole numbers, other numbers, booleans, null. */
    public static String toJson(Map<String, Object> fields) {
        ObjectNode node = JSON.createObjectNode();
        fields.forEach((name, value) -> {
            if (value == null) {
                node.putNull(name);
            } else if (value instanceof String text) {
                node.put(name, text);
            } else if (value instanceof Long || value instanceof Integer) {
                node.put(name, ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                node.put(name, ((Number) value).doubleValue());
            } else if (value instanceof Boolean flag) {
                node.put(name, flag);
            } else {
                throw new IllegalArgumentException("field " + name + " is a " + value.getClass().getSimpleName()
                        + "; only text, numbers and booleans are kept as fields");
            }
        });
        return node.toString();
    }

    /** Fields read back from {@link #toJson}, with the types they were written with. */
    public static Map<String, Object> fromJson(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new IllegalStateException("fields are not a JSON object");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            tree.properties().forEach(field -> fields.put(field.getKey(), value(field.getValue())));
            return fields;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fields are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw new IllegalStateException("a field holds " + node.getNodeType() + "; fields hold text, numbers and booleans");
    }
}
