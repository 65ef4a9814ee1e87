package io.circuitos.agents.winback;

import io.circuitos.intake.CustomerEvents;
import io.circuitos.intake.EventHandler;
import io.circuitos.intake.IntakeRejection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Engagement webhooks into the campaign ledger (route {@code handler: campaign-engagement}):
 * {@code email.opened} and {@code email.clicked} name the campaign and customer the email provider
 * tracked; {@code customer.reactivated} comes from billing, with the campaign when billing knows it,
 * otherwise credited to the last campaign that emailed the customer in the attribution window.
 * An engagement with an email that was never sent is refused (404), so nothing counts twice or wrongly.
 */
public class CampaignEngagement implements EventHandler {

    public static final String NAME = "campaign-engagement";

    private final CampaignMessageStore ledger;
    private final CustomerEvents customers;
    private final Duration attributionWindow;
    private final Clock clock;

    public CampaignEngagement(CampaignMessageStore ledger, CustomerEvents customers, Duration attributionWindow, Clock clock) {
        this.ledger = ledger;
        this.customers = customers;
        this.attributionWindow = attributionWindow;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(String eventType, Map<String, Object> variables) {
        String customerId = String.valueOf(variables.get("customerId"));
        Object campaign = variables.get("campaignId");
        switch (eventType) {
            case "email.opened" -> record("opened_at", String.valueOf(campaign), customerId);
            case "email.clicked" -> record("clicked_at", String.valueOf(campaign), customerId);
            case "customer.reactivated" -> {
                customers.reactivate(customerId);
                String campaignId = campaign != null ? campaign.toString()
                        : ledger.lastCampaignEmailing(customerId, clock.instant().minus(attributionWindow)).orElse(null);
                if (campaignId != null) {
                    record("reactivated_at", campaignId, customerId);
                }
            }
            default -> throw IntakeRejection.badField("type", "campaign engagement does not handle '" + eventType + "'");
        }
    }

    private void record(String column, String campaignId, String customerId) {
        if (!ledger.recordEngagement(column, campaignId, customerId, clock.instant())) {
            throw IntakeRejection.notFound("campaign '" + campaignId + "' sent no email to customer '" + customerId + "'");
        }
    }
}
