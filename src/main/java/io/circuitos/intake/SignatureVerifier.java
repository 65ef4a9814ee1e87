package io.circuitos.intake;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Standard Webhooks signature check: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with the
 * source's {@code whsec_} secret, and a timestamp within ±5 minutes (the library's tolerance).
 */
class SignatureVerifier {

    private final Map<String, Webhook> verifiers = new ConcurrentHashMap<>();

    void verify(String source, String secret, String body, String id, String timestamp, String signature) {
        if (id == null || id.isBlank()) {
            throw IntakeRejection.unauthorized("missing webhook-id header");
        }
        if (timestamp == null || signature == null) {
            throw IntakeRejection.unauthorized("missing webhook-timestamp or webhook-signature header");
        }
        Webhook webhook = verifiers.computeIfAbsent(source, s -> new Webhook(secret));
        try {
            webhook.verify(body, Map.of(
                    "webhook-id", List.of(id),
                    "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature)));
        } catch (WebhookVerificationException e) {
            throw IntakeRejection.unauthorized("signature rejected: " + e.getMessage());
        }
    }
}
