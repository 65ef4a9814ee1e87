package io.circuitos.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A queued delivery's checked variables as JSON, read back with the types {@link PayloadMapper} gave them: text,
 * whole numbers as {@code Long}, other numbers as {@code Double}, booleans, and null.
 */
final class QueuedVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueuedVariables() {
    }

    static String write(Map<String, Object> variables) {
        ObjectNode node = JSON.createObjectNode();
        variables.forEach((name, value) -> {
            if (value == null) {
                node.putNull(name);
            } else if (value instanceof String text) {
                node.put(name, text);
            } else if (value instanceof Long whole) {
                node.put(name, whole);
            } else if (value instanceof Double number) {
                node.put(name, number);
            } else if (value instanceof Boolean flag) {
                node.put(name, flag);
            } else {
                throw new IllegalArgumentException("variable " + name + " is a " + value.getClass().getSimpleName()
                        + "; a route maps only text, numbers and booleans");
            }
        });
        return node.toString();
    }

    static Map<String, Object> read(String json) {
        try {
            Map<String, Object> variables = new LinkedHashMap<>();
            JSON.readTree(json).properties().forEach(field -> variables.put(field.getKey(), value(field.getValue())));
            return variables;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queued delivery's variables are not JSON: " + e.getOriginalMessage(), e);
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
        return node.doubleValue();
    }
}
