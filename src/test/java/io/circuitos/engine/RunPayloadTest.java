package io.circuitos.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The start's fields in one variable, read back by name with their types; personal fields and big payloads stay apart. */
class RunPayloadTest {

    private static Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("opportunityId", "OPP-1");
        fields.put("amount", 12000.5);
        fields.put("age", 41L);
        fields.put("vip", true);
        fields.put("competitor", null);
        fields.put("contactEmail", "ana@example.com");
        return fields;
    }

    @Test
    void nonPersonalFieldsGoIntoThePayloadAndPersonalOnesStayVariables() {
        Map<String, Object> variables = RunPayload.startVariables(fields(), Set.of("contactEmail")::contains);

        assertThat(variables).containsOnlyKeys("contactEmail", RunPayload.VARIABLE);
        assertThat(RunPayload.fields(variables.get(RunPayload.VARIABLE)))
                .containsOnlyKeys("opportunityId", "amount", "age", "vip", "competitor")
                .containsEntry("opportunityId", "OPP-1").containsEntry("amount", 12000.5).containsEntry("age", 41L)
                .containsEntry("vip", true).containsEntry("competitor", null);
        assertThat(variables.get("contactEmail")).isEqualTo("ana@example.com");
    }

    @Test
    void typesSurviveTheRoundTrip() {
        Map<String, Object> read = RunPayload.fromJson(RunPayload.toJson(fields()));
        assertThat(read.get("amount")).isInstanceOf(Double.class).isEqualTo(12000.5);
        assertThat(read.get("age")).isInstanceOf(Long.class).isEqualTo(41L);
        assertThat(read.get("vip")).isEqualTo(true);
        assertThat(read).containsEntry("competitor", null);
        assertThat(RunPayload.fromJson(RunPayload.toJson(Map.of("whole", 5000.0))).get("whole")).isInstanceOf(Double.class);
    }

    @Test
    void aPayloadTooLongForTheEnginesTextColumnStaysSeparateVariables() {
        Map<String, Object> fields = fields();
        fields.put("notes", "x".repeat(RunPayload.TEXT_LIMIT));
        assertThat(RunPayload.startVariables(fields, name -> false)).isEqualTo(fields);
    }

    @Test
    void aSingleFieldStaysAVariable() {
        Map<String, Object> fields = Map.of("ticketId", "T-1", "ticketText", "help");
        assertThat(RunPayload.startVariables(fields, "ticketText"::equals)).isEqualTo(fields);
    }

    @Test
    void aVariableOfTheSameNameWinsOverThePayloadsField() {
        Map<String, Object> variables = new LinkedHashMap<>(RunPayload.startVariables(fields(), name -> false));
        variables.put("amount", 99.0);

        Map<String, Object> visible = RunPayload.withFields(variables);

        assertThat(visible).containsEntry("amount", 99.0).containsEntry("opportunityId", "OPP-1").doesNotContainKey(RunPayload.VARIABLE);
    }

    @Test
    void aVariableNamedPayloadThatIsNotOneHasNoFields() {
        assertThat(RunPayload.fields("not json")).isEmpty();
        assertThat(RunPayload.fields("[1, 2]")).isEmpty();
        assertThat(RunPayload.fields(42)).isEmpty();
    }

    @Test
    void decisionTablesSeeTheFieldsBeneathTheVariables() {
        Map<String, Object> start = RunPayload.startVariables(fields(), name -> false);
        VariableContext context = PayloadVariableContext.of(Variables.fromMap(start).putValue("age", 50L).asVariableContext());

        assertThat(context.containsVariable("amount")).isTrue();
        assertThat(context.resolve("amount").getValue()).isEqualTo(12000.5);
        assertThat(context.resolve("age").getValue()).isEqualTo(50L);
        assertThat(context.containsVariable("nothing")).isFalse();
        assertThat(context.keySet()).contains("amount", "opportunityId", "age", RunPayload.VARIABLE);
    }
}
