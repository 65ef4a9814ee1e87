package io.circuitos.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a route's fields out of an event, checks them, and turns them into process variables. */
public final class PayloadMapper {

    // deliberately simple: one @, no spaces, a dot in the domain; the CRM owns real address validation
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private PayloadMapper() {
    }

    public static Map<String, Object> variables(Route route, JsonNode event) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (FieldMapping field : route.fields()) {
            JsonNode node = event.at(pointer(field.path()));
            if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
                if (field.required()) {
                    throw IntakeRejection.badField(field.path(), "is required");
                }
                if (field.defaultValue() != null) {
                    variables.put(field.name(), value(field, com.fasterxml.jackson.databind.node.TextNode.valueOf(field.defaultValue())));
                }
                continue;
            }
            variables.put(field.name(), value(field, node));
        }
        return variables;
    }

    private static Object value(FieldMapping field, JsonNode node) {
        return switch (field.type()) {
            case STRING -> text(field, node);
            case EMAIL -> email(field, node);
            case NUMBER -> inRange(field, number(field, node)).doubleValue();
            case INTEGER -> integer(field, node);
            case BOOLEAN -> bool(field, node);
        };
    }

    private static String text(FieldMapping field, JsonNode node) {
        if (!node.isValueNode()) {
            throw IntakeRejection.badField(field.path(), "must be a text value");
        }
        String text = node.asText().trim();
        if (IntakeLimits.CONTROL_CHARACTERS.matcher(text).find()) {
            throw IntakeRejection.badField(field.path(), "contains a control character");
        }
        int maxLength = field.maxLength() == null ? IntakeLimits.TEXT_MAX_LENGTH : field.maxLength();
        if (text.length() > maxLength) {
            throw IntakeRejection.badField(field.path(), "is longer than " + maxLength + " characters");
        }
        if (!field.values().isEmpty() && !field.values().contains(text)) {
            throw IntakeRejection.badField(field.path(), "must be one of " + field.values());
        }
        return text;
    }

    private static String email(FieldMapping field, JsonNode node) {
        String text = text(field, node);
        if (!EMAIL.matcher(text).matches()) {
            throw IntakeRejection.badField(field.path(), "must be an email address");
        }
        return text;
    }

    private static BigDecimal number(FieldMapping field, JsonNode node) {
        BigDecimal number = null;
        try {
            if (node.isNumber()) {
                number = node.decimalValue();
            } else if (node.isTextual()) {
                number = new BigDecimal(node.asText().trim());
            }
        } catch (NumberFormatException e) {
            // 1e400 parses as an infinite double, which has no decimal value
            throw IntakeRejection.badField(field.path(), "must be a finite number");
        }
        if (number == null) {
            throw IntakeRejection.badField(field.path(), "must be a number");
        }
        if (number.abs().compareTo(IntakeLimits.NUMBER_MAX_MAGNITUDE) > 0) {
            throw IntakeRejection.badField(field.path(), "is too large (at most " + IntakeLimits.NUMBER_MAX_MAGNITUDE.toPlainString() + ")");
        }
        return number;
    }

    private static long integer(FieldMapping field, JsonNode node) {
        BigDecimal number = inRange(field, number(field, node));
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw IntakeRejection.badField(field.path(), "must be a whole number");
        }
    }

    private static BigDecimal inRange(FieldMapping field, BigDecimal number) {
        if (field.min() != null && number.doubleValue() < field.min()) {
            throw IntakeRejection.badField(field.path(), "must be ≥ " + format(field.min()));
        }
        if (field.max() != null && number.doubleValue() > field.max()) {
            throw IntakeRejection.badField(field.path(), "must be ≤ " + format(field.max()));
        }
        return number;
    }

    private static boolean bool(FieldMapping field, JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw IntakeRejection.badField(field.path(), "must be true or false");
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    static String pointer(String dottedPath) {
        return "/" + dottedPath.replace("~", "~0").replace("/", "~1").replace('.', '/');
    }
}
