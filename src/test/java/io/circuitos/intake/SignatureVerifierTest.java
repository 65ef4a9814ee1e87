package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import io.circuitos.support.SignedWebhooks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The ±5 minute window is measured on the injected clock, to the second. */
class SignatureVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final String BODY = "{\"type\":\"opportunity.closed_lost\"}";

    private final SignatureVerifier verifier = new SignatureVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} s away → accepted {1}")
    @CsvSource({"0, true", "-300, true", "300, true", "-301, false", "301, false", "-86400, false"})
    void theWindowIsFiveMinutesEitherSideOfTheClock(long offsetSeconds, boolean accepted) throws Exception {
        long timestamp = NOW.getEpochSecond() + offsetSeconds;
        String signature = new Webhook(SignedWebhooks.CRM_SECRET).sign("msg_1", timestamp, BODY);
        var verify = assertThatCode(() -> verifier.verify("crm", SignedWebhooks.CRM_SECRET, BODY, "msg_1", Long.toString(timestamp), signature));
        if (accepted) {
            verify.doesNotThrowAnyException();
        } else {
            verify.isInstanceOf(IntakeRejection.class).hasMessageContaining("5 minutes");
        }
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnough() throws Exception {
        String signature = new Webhook(SignedWebhooks.CRM_SECRET).sign("msg_2", NOW.getEpochSecond(), BODY);
        assertThatCode(() -> verifier.verify("crm", SignedWebhooks.CRM_SECRET, BODY, "msg_2", Long.toString(NOW.getEpochSecond()),
                "v1,bm90LXRoaXMtb25l " + signature)).doesNotThrowAnyException();
    }

    @Test
    void aSignatureOfAnotherIdTimestampOrBodyIsRefused() throws Exception {
        long now = NOW.getEpochSecond();
        String signature = new Webhook(SignedWebhooks.CRM_SECRET).sign("msg_3", now, BODY);
        assertThatThrownBy(() -> verifier.verify("crm", SignedWebhooks.CRM_SECRET, BODY, "msg_4", Long.toString(now), signature))
                .isInstanceOf(IntakeRejection.class);
        assertThatThrownBy(() -> verifier.verify("crm", SignedWebhooks.CRM_SECRET, BODY, "msg_3", Long.toString(now + 1), signature))
                .isInstanceOf(IntakeRejection.class);
        assertThatThrownBy(() -> verifier.verify("crm", SignedWebhooks.CRM_SECRET, BODY + " ", "msg_3", Long.toString(now), signature))
                .isInstanceOf(IntakeRejection.class);
    }

    @Test
    void aTimestampThatIsNotUnixSecondsIsRefused() {
        assertThatThrownBy(() -> verifier.verify("crm", SignedWebhooks.CRM_SECRET, BODY, "msg_5", "2026-11-21T09:00:00Z", "v1,AAAA"))
                .isInstanceOf(IntakeRejection.class).hasMessageContaining("Unix seconds");
    }
}
