package io.circuitos.intake;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Standard Webhooks signature check: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with the
 * source's {@code whsec_} secret, and a timestamp within ±5 minutes of {@code clock}. The library
 * signs; the timestamp is checked here because the library's own check reads the wall clock.
 */
class SignatureVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Map<String, Webhook> signers = new ConcurrentHashMap<>();
    private final Clock clock;

    SignatureVerifier(Clock clock) {
        this.clock = clock;
    }

    void verify(String source, String secret, String body, String id, String timestamp, String signature) {
        if (id == null || id.isBlank()) {
            throw IntakeRejection.unauthorized("missing webhook-id header");
        }
        if (timestamp == null || signature == null) {
            throw IntakeRejection.unauthorized("missing webhook-timestamp or webhook-signature header");
        }
        long seconds = withinTolerance(timestamp);
        byte[] expected = expectedSignature(source, secret, id, seconds, body);
        for (String candidate : signature.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
        }
        throw IntakeRejection.unauthorized("signature rejected: no matching v1 signature");
    }

    private long withinTolerance(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw IntakeRejection.unauthorized("webhook-timestamp is not Unix seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (seconds < now - TOLERANCE.toSeconds()) {
            throw IntakeRejection.unauthorized("webhook-timestamp is more than 5 minutes old");
        }
        if (seconds > now + TOLERANCE.toSeconds()) {
            throw IntakeRejection.unauthorized("webhook-timestamp is more than 5 minutes in the future");
        }
        return seconds;
    }

    private byte[] expectedSignature(String source, String secret, String id, long seconds, String body) {
        Webhook signer = signers.computeIfAbsent(source, s -> new Webhook(secret));
        try {
            return signer.sign(id, seconds, body).getBytes(StandardCharsets.UTF_8);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("cannot compute the HMAC of source '" + source + "'", e);
        }
    }
}
