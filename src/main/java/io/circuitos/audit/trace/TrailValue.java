package io.circuitos.audit.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A variable's value as the trail shows it, read without deserializing anything: primitives as
 * they are, dates as instants, JSON (object variables in {@code application/json}, Spin JSON) as
 * the JSON itself, XML as its text; what the trail cannot show (Java-serialized objects, bytes,
 * files, broken JSON) as {@code "value not readable (type)"}. The trail reads every run of every
 * agent, so no value may fail it.
 */
final class TrailValue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_FORMAT = SerializationDataFormats.JSON.getName();

    private TrailValue() {
    }

    /** @param typeName the engine's type name of the value, for the message when it cannot be read at all */
    static Object of(Supplier<TypedValue> value, String typeName) {
        TypedValue typed;
        try {
            typed = value.get();
        } catch (RuntimeException unreadable) {
            return notReadable(typeName);
        }
        return of(typed, typeName);
    }

    static Object of(TypedValue typed, String typeName) {
        if (typed == null) {
            return null;
        }
        if (typed instanceof SerializableValue serializable) { // its getValue() throws when it was not deserialized
            return serialized(serializable, typeName);
        }
        if (typed instanceof BytesValue || typed instanceof FileValue) {
            return notReadable(typed.getType().getName());
        }
        if (typed.getValue() == null) {
            return null;
        }
        if (typed instanceof PrimitiveValue<?> primitive) {
            return primitive.getValue() instanceof Date date ? date.toInstant() : primitive.getValue();
        }
        return notReadable(typed.getType() != null ? typed.getType().getName() : typeName);
    }

    private static Object serialized(SerializableValue value, String typeName) {
        String type = value.getType() != null ? value.getType().getName() : typeName;
        String text = value.getValueSerialized();
        if (text == null) {
            return null;
        }
        String format = value.getSerializationDataFormat();
        if (JSON_FORMAT.equals(format) || "json".equals(type)) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException broken) {
                return notReadable(type + ", not valid JSON");
            }
        }
        if ("xml".equals(type) || format != null && format.endsWith("/xml")) {
            return text;
        }
        String objectType = value instanceof ObjectValue object && object.getObjectTypeName() != null ? " " + object.getObjectTypeName() : "";
        return notReadable(type + objectType + (format == null ? "" : ", " + format));
    }

    static String notReadable(String type) {
        return "value not readable (" + type + ")";
    }
}
