package io.circuitos.audit.metrics;

import java.util.Map;
import java.util.Optional;

/**
 * What a send task did, named for the metrics and the audit from the result it wrote: {@code emailSent},
 * {@code notified} or {@code webhookDelivered}, true or false. An email that was not sent is counted as
 * {@code EmailNotSent}, never as sent.
 */
public final class DeliveryOutcome {

    private static final Map<String, String[]> NAMES = Map.of(
            "emailSent", new String[] {"EmailSent", "EmailNotSent"},
            "notified", new String[] {"Notified", "NotNotified"},
            "webhookDelivered", new String[] {"WebhookDelivered", "WebhookNotDelivered"});

    private DeliveryOutcome() {
    }

    public static boolean isResult(String variable) {
        return NAMES.containsKey(variable);
    }

    /** The outcome a send task's result variable says, if it is one and holds a flag. */
    public static Optional<String> of(String variable, Object value) {
        String[] names = NAMES.get(variable);
        if (names == null || !(value instanceof Boolean delivered)) {
            return Optional.empty();
        }
        return Optional.of(delivered ? names[0] : names[1]);
    }
}
