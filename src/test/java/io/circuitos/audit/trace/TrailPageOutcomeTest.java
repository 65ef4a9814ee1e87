package io.circuitos.audit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page says how the case ended beside the score the run had, and nothing while no outcome came. */
class TrailPageOutcomeTest {

    private static RunTrace run(RunTrace.Outcome outcome) {
        return new RunTrace(new RunTrace.Run("lost-opportunity", 1, "OPP-1", "p1", Instant.EPOCH, null, "ACTIVE", null), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), new RunTrace.Messages(List.of(), List.of(), List.of(), List.of()), outcome);
    }

    @Test
    void aWebhookThatWasNotDeliveredIsNeverCalledSent() {
        RunTrace run = new RunTrace(new RunTrace.Run("conversation", 1, "CHAT-1", "p1", Instant.EPOCH, null, "ACTIVE", null), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), new RunTrace.Messages(List.of(), List.of(), List.of(
                new RunTrace.Webhook("SendAiReply", "msg_1", false, "no address is configured for the chat"),
                new RunTrace.Webhook("SendRepReply", "msg_2", true, null)), List.of()), null);

        String page = TrailPage.render(List.of(run), run, decision -> null);

        assertThat(page).contains("<strong>not sent</strong>: webhook msg_1 from SendAiReply (no address is configured for the chat)")
                .contains("sent webhook msg_2 from SendRepReply").doesNotContain("sent webhook msg_1");
    }

    @Test
    void anOutcomeIsShownWithTheScoreTheRunRecordedBefore() {
        RunTrace labelled = run(new RunTrace.Outcome("won", true, "opportunity.won", Instant.parse("2026-12-01T10:00:00Z"),
                "lost-opportunity-reactivation 20261121.082323", 0.8312, 91.0));

        String page = TrailPage.render(List.of(labelled), labelled, decision -> null);

        assertThat(page).contains("<strong>Outcome:</strong> won (opportunity.won, 2026-12-01")
                .contains("The run's score before: 91, probability 0.83 by lost-opportunity-reactivation 20261121.082323 (the outcome it predicts)");
        RunTrace open = run(null);
        assertThat(TrailPage.render(List.of(open), open, decision -> null)).doesNotContain("Outcome:");
    }
}
