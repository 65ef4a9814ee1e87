package io.circuitos.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.audit.trace.RunTrace;
import io.circuitos.audit.whatif.WhatIfReplay;
import io.circuitos.intake.FieldMapping;
import io.circuitos.intake.FieldType;
import io.circuitos.intake.Route;
import io.circuitos.intake.RouteCatalogue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classification and the redaction without an engine. */
class RedactionTest {

    private static final RouteCatalogue ROUTES = RouteCatalogue.of("this test", List.of(new Route(
            "support.ticket_created", "support-escalation", null, null, "ticketId", List.of("helpdesk"), List.of(
            new FieldMapping("ticketId", "data.ticketId", FieldType.STRING, true, null, null, 64, List.of(), null),
            new FieldMapping("ticketText", "data.text", FieldType.STRING, true, null, null, 4000, List.of(), null, true),
            new FieldMapping("customerTier", "data.customer.tier", FieldType.STRING, false, null, null, null, List.of(), null)), io.circuitos.intake.ActiveRunPolicy.IGNORE)));
    private static final PersonalData PERSONAL = PersonalData.of(ROUTES, new PrivacyProperties(List.of("draft", "caseTitle")));
    private final Redaction redaction = new Redaction(PERSONAL, null);

    @Test
    void personalAreTheMarkedRouteFieldsAndTheConfiguredVariables() {
        assertThat(PERSONAL.names()).containsExactlyInAnyOrder("ticketText", "draft", "caseTitle");
        assertThat(PERSONAL.mentionsPersonal("lower case(ticketText)")).isTrue();
        assertThat(PERSONAL.mentionsPersonal("ticketTextLength > 3")).as("a whole name, not a prefix").isFalse();
        assertThat(PERSONAL.mentionsPersonal("customerTier")).isFalse();
        assertThat(PERSONAL.mentionsPersonal(null)).isFalse();
    }

    @Test
    void aPersonalFeatureLosesItsValueAndTheOthersKeepTheirs() {
        String features = "risk=0.4 (+0.120 vs typical 0.1); ticketText=my card 4471 was charged twice (+0.300 vs typical -); "
                + "customerTier=vip (+0.050 vs typical standard)";
        assertThat(redaction.topFeatures(features)).isEqualTo("risk=0.4 (+0.120 vs typical 0.1); ticketText=" + PersonalData.REDACTED
                + " (+0.300 vs typical -); customerTier=vip (+0.050 vs typical standard)");
        assertThat(redaction.topFeatures("customerTier=vip (+0.050 vs typical standard)")).isEqualTo("customerTier=vip (+0.050 vs typical standard)");
        assertThat(redaction.topFeatures("ticketText= unreadable")).as("what cannot be read is redacted whole").isEqualTo(PersonalData.REDACTED);
    }

    @Test
    void aTaskNameResolvedFromPersonalDataIsShownAsModelled() {
        assertThat(redaction.taskName("Answer ticket: Erin (HD-1)", "Answer ticket: ${caseTitle}")).isEqualTo("Answer ticket: ${caseTitle}");
        assertThat(redaction.taskName("Approve campaign C-1", "Approve campaign ${campaignId}")).isEqualTo("Approve campaign C-1");
        assertThat(redaction.taskName("Call Erin", null)).isEqualTo(PersonalData.REDACTED);
    }

    @Test
    void theTrailKeepsPathsAndScoresAndLosesDraftsAnswersAndRecipients() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("ticketText", "my card 4471");
        answers.put("customerTier", "vip");
        RunTrace trace = new RunTrace(new RunTrace.Run("support-escalation", 1, "HD-1", "p1", Instant.EPOCH, null, "ACTIVE", null),
                List.of(new RunTrace.Step("HandleTicket", "Answer ticket: ${caseTitle}", "userTask", Instant.EPOCH, null, null)),
                List.of(), List.of(),
                List.of(new RunTrace.Score("ScoreRisk", "support-escalation-risk", "1", 0.4, 40.0, "customerTier=vip (+0.050 vs typical standard)")),
                List.of(new RunTrace.LlmCall("AnswerTicket", "support-answer", "m", 1L, 1L, 1L, "passed", "llm", null, "Dear Erin, ...")),
                List.of(new RunTrace.HumanAction("t1", "HandleTicket", "Answer ticket: Erin (HD-1)", List.of("support-agents"), "agent",
                        Instant.EPOCH, null, Instant.EPOCH, null, answers)),
                new RunTrace.Messages(List.of(), List.of(new RunTrace.Email("answer", "erin@example.org", "Hello Erin", Instant.EPOCH)), List.of(),
                        List.of(new RunTrace.ChatMessage("customer", "I am Erin, call me on 0123", Instant.EPOCH, true))));

        RunTrace redacted = redaction.trace(trace);

        assertThat(redacted.path()).isEqualTo(trace.path());
        assertThat(redacted.scores()).isEqualTo(trace.scores());
        assertThat(redacted.llmCalls().get(0).text()).isEqualTo(PersonalData.REDACTED);
        assertThat(redacted.humanActions().get(0).taskName()).isEqualTo("Answer ticket: ${caseTitle}");
        assertThat(redacted.humanActions().get(0).answers()).containsEntry("ticketText", PersonalData.REDACTED).containsEntry("customerTier", "vip");
        assertThat(redacted.messages().emails().get(0).recipient()).isEqualTo(PersonalData.REDACTED);
        assertThat(redacted.messages().emails().get(0).subject()).isEqualTo(PersonalData.REDACTED);
        assertThat(redacted.messages().conversation()).singleElement().satisfies(m -> {
            assertThat(m.author()).isEqualTo("customer");
            assertThat(m.text()).isEqualTo(PersonalData.REDACTED);
        });
    }

    @Test
    void whatIfSamplesKeepTheDecisionInputsAndLoseThePersonalOnes() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("customerTier", "vip");
        inputs.put("ticketText", "my card 4471");
        WhatIfReplay.Result result = new WhatIfReplay.Result("routing", 1, 30, 1, Map.of("a", 1L), Map.of("b", 1L), 1,
                List.of(new WhatIfReplay.Change("HD-1", "p1", inputs, "a", "b", List.of("r1"))), 1,
                List.of(new WhatIfReplay.Unevaluable("d1", null, inputs, "why")));

        WhatIfReplay.Result redacted = redaction.whatIf(result);

        assertThat(redacted.sample().get(0).inputs()).containsEntry("customerTier", "vip").containsEntry("ticketText", PersonalData.REDACTED);
        assertThat(redacted.unevaluable().get(0).inputs()).containsEntry("ticketText", PersonalData.REDACTED);
        assertThat(redacted.changed()).isEqualTo(1);
    }
}
