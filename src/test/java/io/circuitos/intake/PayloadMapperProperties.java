package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a caller puts in a field, the mapper answers a value within the field's limits or an {@link IntakeRejection} naming it. */
class PayloadMapperProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Route ROUTE = new Route("fuzz.event", "fuzz", null, null, "id", List.of("crm"), List.of(
            new FieldMapping("id", "data.id", FieldType.STRING, true, null, null, 64, List.of(), null),
            new FieldMapping("text", "data.text", FieldType.STRING, false, null, null, null, List.of(), null),
            new FieldMapping("email", "data.email", FieldType.EMAIL, false, null, null, 320, List.of(), null),
            new FieldMapping("amount", "data.amount", FieldType.NUMBER, false, 0.0, null, null, List.of(), null),
            new FieldMapping("count", "data.count", FieldType.INTEGER, false, 0.0, 1000.0, null, List.of(), null),
            new FieldMapping("flag", "data.flag", FieldType.BOOLEAN, false, null, null, null, List.of(), null),
            new FieldMapping("tier", "data.tier", FieldType.STRING, false, null, null, null, List.of("standard", "vip"), "standard")), null);

    @Property(tries = 2000)
    void anyValueInAnyFieldIsMappedWithinItsLimitsOrRejectedNamingTheField(@ForAll("values") JsonNode value, @ForAll("fields") String field) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ObjectNode data = event.put("type", "fuzz.event").putObject("data");
        data.put("id", "ID-1");
        data.set(field, value);
        try {
            Map<String, Object> variables = PayloadMapper.variables(ROUTE, event);
            variables.values().forEach(PayloadMapperProperties::withinLimits);
        } catch (IntakeRejection rejection) {
            assertThat(rejection.field()).startsWith("data.");
            assertThat(rejection.status().value()).isEqualTo(400);
        }
    }

    @Property(tries = 500)
    void anyJsonTextAsAWholeEventIsMappedOrRejected(@ForAll("jsonTexts") String text) {
        JsonNode event;
        try {
            event = JSON.readTree(text);
        } catch (Exception notJson) {
            return; // the intake answers 400 for unparsable JSON before the mapper
        }
        try {
            PayloadMapper.variables(ROUTE, event == null ? JsonNodeFactory.instance.objectNode() : event);
        } catch (IntakeRejection rejection) {
            assertThat(rejection.status().value()).isEqualTo(400);
        }
    }

    private static void withinLimits(Object value) {
        if (value instanceof String text) {
            assertThat(text.length()).isLessThanOrEqualTo(IntakeLimits.TEXT_MAX_LENGTH);
            assertThat(text.chars().noneMatch(c -> c == 0)).isTrue();
        } else if (value instanceof Double number) {
            assertThat(Double.isFinite(number)).isTrue();
            assertThat(BigDecimal.valueOf(number).abs()).isLessThanOrEqualTo(IntakeLimits.NUMBER_MAX_MAGNITUDE);
        }
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("text", "email", "amount", "count", "flag", "tier", "id");
    }

    @Provide
    Arbitrary<JsonNode> values() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6000).map(nodes::textNode),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(50).map(nodes::textNode),
                Arbitraries.doubles().map(nodes::numberNode),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e30"), new BigDecimal("1e30")).map(nodes::numberNode),
                Arbitraries.longs().map(nodes::numberNode),
                Arbitraries.of(nodes.booleanNode(true), nodes.nullNode(), nodes.arrayNode(), nodes.objectNode(), nodes.textNode("1e400"),
                        nodes.numberNode(Double.POSITIVE_INFINITY), nodes.numberNode(Double.NaN), nodes.numberNode(new BigDecimal("1E+400"))));
    }

    @Provide
    Arbitrary<String> jsonTexts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789eE.-+ntrufalsedatypeid").ofMaxLength(120));
    }
}
