package io.circuitos.audit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/** The trail shows every value a run can hold without deserializing it, and names what it cannot show. */
class TrailValueTest {

    @Test
    void primitivesAndDatesAreShownAsTheyAre() {
        assertThat(TrailValue.of(Variables.stringValue("urgent"), "string")).isEqualTo("urgent");
        assertThat(TrailValue.of(Variables.doubleValue(81.5), "double")).isEqualTo(81.5);
        assertThat(TrailValue.of(Variables.booleanValue(true), "boolean")).isEqualTo(true);
        assertThat(TrailValue.of(Variables.dateValue(Date.from(Instant.parse("2026-11-02T10:00:00Z"))), "date"))
                .isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(TrailValue.of(Variables.untypedNullValue(), "null")).isNull();
        assertThat(TrailValue.of((TypedValue) null, "null")).isNull();
    }

    @Test
    void jsonObjectVariablesAreShownAsTheirJsonWithoutDeserializing() {
        TypedValue routing = Variables.serializedObjectValue("{\"route\":\"person\",\"priority\":\"P2\"}")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).objectTypeName("java.util.LinkedHashMap").create();
        Object shown = TrailValue.of(routing, "object");
        assertThat(shown).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) shown).get("priority").asText()).isEqualTo("P2");

        TypedValue chunks = Variables.serializedObjectValue("[[\"C-1\",\"C-2\"],[\"C-3\"]]")
                .serializationDataFormat("application/json").objectTypeName("java.util.ArrayList").create();
        assertThat(((JsonNode) TrailValue.of(chunks, "object")).get(1).get(0).asText()).isEqualTo("C-3");
    }

    @Test
    void whatCannotBeShownIsNamedNotFailed() {
        TypedValue java = Variables.serializedObjectValue("rO0ABXNyABFqYXZh").serializationDataFormat(
                Variables.SerializationDataFormats.JAVA).objectTypeName("com.example.Secret").create();
        assertThat(TrailValue.of(java, "object"))
                .isEqualTo("value not readable (object com.example.Secret, application/x-java-serialized-object)");
        TypedValue broken = Variables.serializedObjectValue("{not json").serializationDataFormat("application/json").create();
        assertThat(TrailValue.of(broken, "object")).isEqualTo("value not readable (object, not valid JSON)");
        assertThat(TrailValue.of(Variables.byteArrayValue(new byte[] {1, 2}), "bytes")).isEqualTo("value not readable (bytes)");
        assertThat(TrailValue.of(Variables.fileValue("cv.pdf").file(new byte[] {1}).create(), "file")).isEqualTo("value not readable (file)");
        assertThat(TrailValue.of(() -> {
            throw new IllegalStateException("Object is not deserialized.");
        }, "object")).isEqualTo("value not readable (object)");
    }
}
