package io.circuitos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.audit.trace.RunTrace;
import io.circuitos.audit.trace.TrailRedaction;
import io.circuitos.audit.whatif.WhatIfReplay;
import io.circuitos.privacy.PersonalData;
import io.circuitos.privacy.PersonalDataFixture;
import io.circuitos.privacy.Redaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trail and the what-if answer as a reader without the right to personal data gets them, without an engine. */
class AuditRedactionTest {

    private final Redaction redaction = new Redaction(PersonalDataFixture.PERSONAL, null);
    private final TrailRedaction trailRedaction = new TrailRedaction(redaction);

    @Test
    void theTrailKeepsPathsAndScoresAndLosesDraftsAnswersAndRecipients() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("ticketText", "my card 4471");
        answers.put("customerTier", "vip");
        RunTrace trace = new RunTrace(new RunTrace.Run("support-escalation", 1, "HD-1", "p1", Instant.EPOCH, null, "ACTIVE", null),
                List.of(new RunTrace.Step("HandleTicket", "Answer ticket: ${caseTitle}", "userTask", Instant.EPOCH, null, null)),
                List.of(), List.of(),
                List.of(new RunTrace.Score("ScoreRisk", "support-escalation-risk", "1", 0.4, 40.0, "customerTier=vip (+0.050 vs typical standard)")),
                List.of(new RunTrace.LlmCall("AnswerTicket", "support-answer", "m", 1L, 1L, 1L, "passed", "llm", null, "Dear Erin, ...",
                        "ollama", List.of(new RunTrace.AgentStep("model", "ollama", "m", null, null, null, "asked for lookUpCustomer", 1L, 1L, 1L,
                                List.of("cloud: HTTP 503")), new RunTrace.AgentStep("tool", null, null, "lookUpCustomer", "{}",
                                "{\"customerName\":\"Erin\"}", "ok", 2L, null, null, List.of())))),
                List.of(new RunTrace.HumanAction("t1", "HandleTicket", "Answer ticket: Erin (HD-1)", List.of("support-agents"), "agent",
                        Instant.EPOCH, null, Instant.EPOCH, null, answers)),
                new RunTrace.Messages(List.of(), List.of(new RunTrace.Email("answer", "erin@example.org", "Hello Erin", Instant.EPOCH)), List.of(),
                        List.of(new RunTrace.ChatMessage("customer", "I am Erin, call me on 0123", Instant.EPOCH, true))), null);

        RunTrace redacted = trailRedaction.trace(trace);

        assertThat(redacted.path()).isEqualTo(trace.path());
        assertThat(redacted.scores()).isEqualTo(trace.scores());
        assertThat(redacted.llmCalls().get(0).text()).isEqualTo(PersonalData.REDACTED);
        assertThat(redacted.llmCalls().get(0).steps().get(0)).as("a model call names no one").isEqualTo(trace.llmCalls().get(0).steps().get(0));
        assertThat(redacted.llmCalls().get(0).steps().get(1).result()).as("a tool's result is the contact's").isEqualTo(PersonalData.REDACTED);
        assertThat(redacted.llmCalls().get(0).steps().get(1).tool()).isEqualTo("lookUpCustomer");
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

        WhatIfReplay.Result redacted = result.redacted(redaction);

        assertThat(redacted.sample().get(0).inputs()).containsEntry("customerTier", "vip").containsEntry("ticketText", PersonalData.REDACTED);
        assertThat(redacted.unevaluable().get(0).inputs()).containsEntry("ticketText", PersonalData.REDACTED);
        assertThat(redacted.changed()).isEqualTo(1);
    }
}
