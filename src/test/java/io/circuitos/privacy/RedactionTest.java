package io.circuitos.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The classification and the redaction without an engine. */
class RedactionTest {

    private static final PersonalData PERSONAL = PersonalDataFixture.PERSONAL;
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
}
