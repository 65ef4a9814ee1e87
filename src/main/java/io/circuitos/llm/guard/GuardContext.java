package io.circuitos.llm.guard;

import java.util.List;
import java.util.Locale;

/**
 * What a check knows about the one send it guards: the recipient (the only e-mail address the text
 * may contain) and the offers a decision chose for this recipient (their amounts and free periods
 * may appear), e.g. the win-back offer of DMN {@code win-back-offer}.
 */
public record GuardContext(String recipientEmail, List<String> allowedOffers) {

    public GuardContext {
        allowedOffers = allowedOffers == null ? List.of()
                : allowedOffers.stream().filter(o -> o != null && !o.isBlank()).map(GuardContext::comparable).toList();
    }

    public static GuardContext forRecipient(String recipientEmail) {
        return new GuardContext(recipientEmail, List.of());
    }

    /** Whether an allowed offer says this (compared normalized, case and spacing ignored). */
    public boolean offerSays(String mention) {
        String wanted = comparable(mention);
        return !wanted.isEmpty() && allowedOffers.stream().anyMatch(offer -> offer.contains(wanted));
    }

    static String comparable(String text) {
        return TextNormalizer.normalize(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
