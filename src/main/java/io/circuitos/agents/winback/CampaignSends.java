package io.circuitos.agents.winback;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What became of a campaign's emails, from its ledger: of the {@code selected} customers, {@code sent} got
 * their email; the others are counted by the reason the send task gave (e.g. "no mail server is configured").
 */
public record CampaignSends(int selected, int sent, Map<String, Integer> notSentByReason) {

    /** A ledger row with neither a send nor a reason: the chunk never reached the customer. */
    static final String NO_SEND_RECORDED = "no send recorded";

    public CampaignSends {
        notSentByReason = Map.copyOf(notSentByReason);
    }

    public int notSent() {
        return selected - sent;
    }

    /** "campaign sent 812 of 1,000 emails; 188 not sent: no mail server is configured" (reasons by count when several). */
    public String summary() {
        String summary = String.format(Locale.ROOT, "campaign sent %,d of %,d email%s", sent, selected, selected == 1 ? "" : "s");
        if (notSent() == 0) {
            return summary;
        }
        String reasons = notSentByReason.size() == 1 ? notSentByReason.keySet().iterator().next()
                : notSentByReason.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(r -> String.format(Locale.ROOT, "%,d %s", r.getValue(), r.getKey())).collect(Collectors.joining(", "));
        return summary + String.format(Locale.ROOT, "; %,d not sent: %s", notSent(), reasons);
    }
}
