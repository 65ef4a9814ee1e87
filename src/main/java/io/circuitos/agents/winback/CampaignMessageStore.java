package io.circuitos.agents.winback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * {@code circuitos_campaign_message}: one row per customer per campaign with the offer, the finance,
 * the draft and what became of the email. The finance step and the approval form read it; the
 * engagement webhooks write to it; its primary key is what keeps every write idempotent.
 */
public class CampaignMessageStore {

    private final JdbcTemplate jdbc;

    public CampaignMessageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Offer(String campaignId, String customerId, String customerStatus, Double churnRisk, String segment,
                        String strategy, String offer, double offerCost, double customerValue, double saveProbability,
                        String email, String draft, String draftOrigin) {
    }

    public record Row(String customerId, String segment, String strategy, String offer, BigDecimal offerCost,
                      BigDecimal customerValue, BigDecimal saveProbability, BigDecimal expectedRevenue, BigDecimal roi,
                      boolean selected) {
    }

    public record Totals(int selected, int excluded, BigDecimal offerCost, BigDecimal expectedRevenue, BigDecimal roi) {
    }

    public record Message(String email, String draft) {
    }

    /** How many emails of one segment and offer a campaign sent, and how many of those customers came back. */
    public record Reactivations(String segment, String offer, int sent, int reactivated) {
    }

    /** Written again on a retry or a rerun of the campaign: the offer is updated, what happened to the email is kept. */
    public void recordOffer(Offer o) {
        Object[] offer = {o.customerStatus(), o.churnRisk(), o.segment(), o.strategy(), o.offer(), money(o.offerCost()),
                money(o.customerValue()), BigDecimal.valueOf(o.saveProbability()).setScale(4, RoundingMode.HALF_UP), o.email(),
                o.draft(), o.draftOrigin(), o.campaignId(), o.customerId()};
        int updated = jdbc.update("update circuitos_campaign_message set customer_status = ?, churn_risk = ?, segment = ?, strategy = ?, "
                + "offer = ?, offer_cost = ?, customer_value = ?, save_probability = ?, email = ?, draft = ?, draft_origin = ? "
                + "where campaign_id = ? and customer_id = ?", offer);
        if (updated == 0) {
            jdbc.update("insert into circuitos_campaign_message (customer_status, churn_risk, segment, strategy, offer, offer_cost, "
                    + "customer_value, save_probability, email, draft, draft_origin, campaign_id, customer_id, selected) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)", offer);
        }
    }

    /**
     * Per customer: expected revenue = save probability × value, ROI = expected revenue − offer cost.
     * Customers whose offer is expected to lose money are left out of the campaign.
     */
    public void price(String campaignId) {
        jdbc.update("update circuitos_campaign_message set expected_revenue = round(save_probability * customer_value, 2) "
                + "where campaign_id = ?", campaignId);
        jdbc.update("update circuitos_campaign_message set roi = expected_revenue - offer_cost where campaign_id = ?", campaignId);
        jdbc.update("update circuitos_campaign_message set selected = (roi > 0) where campaign_id = ?", campaignId);
    }

    /** Keeps the best ROI first until the offers' cost reaches the budget; the rest leave the campaign. */
    public void fitToBudget(String campaignId, double budget) {
        BigDecimal remaining = money(budget);
        List<Object[]> leaving = new java.util.ArrayList<>();
        for (Row row : rows(campaignId, Integer.MAX_VALUE)) {
            if (!row.selected()) {
                continue;
            }
            if (row.offerCost().compareTo(remaining) <= 0) {
                remaining = remaining.subtract(row.offerCost());
            } else {
                leaving.add(new Object[] {campaignId, row.customerId()});
            }
        }
        jdbc.batchUpdate("update circuitos_campaign_message set selected = false where campaign_id = ? and customer_id = ?", leaving);
    }

    public Totals totals(String campaignId) {
        return jdbc.queryForObject("select sum(case when selected then 1 else 0 end), sum(case when selected then 0 else 1 end), "
                        + "coalesce(sum(case when selected then offer_cost end), 0), coalesce(sum(case when selected then expected_revenue end), 0), "
                        + "coalesce(sum(case when selected then roi end), 0) from circuitos_campaign_message where campaign_id = ?",
                (rs, n) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                campaignId);
    }

    /** Rows by ROI, best first. */
    public List<Row> rows(String campaignId, int limit) {
        return jdbc.query("select customer_id, segment, strategy, offer, offer_cost, customer_value, save_probability, "
                        + "expected_revenue, roi, selected from circuitos_campaign_message where campaign_id = ? "
                        + "order by roi desc, customer_id limit ?",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBoolean(10)),
                campaignId, limit);
    }

    public List<String> selectedCustomerIds(String campaignId) {
        return jdbc.queryForList("select customer_id from circuitos_campaign_message where campaign_id = ? and selected "
                + "order by roi desc, customer_id", String.class, campaignId);
    }

    public Optional<Message> message(String campaignId, String customerId) {
        return jdbc.query("select email, draft from circuitos_campaign_message where campaign_id = ? and customer_id = ?",
                (rs, n) -> new Message(rs.getString(1), rs.getString(2)), campaignId, customerId).stream().findFirst();
    }

    public void markSent(String campaignId, String customerId, Instant at) {
        jdbc.update("update circuitos_campaign_message set sent_at = coalesce(sent_at, ?), not_sent_reason = null "
                + "where campaign_id = ? and customer_id = ?", Timestamp.from(at), campaignId, customerId);
    }

    /** Why the customer's email was not sent; an email already sent (by an earlier run of the campaign) stays sent. */
    public void markNotSent(String campaignId, String customerId, String reason) {
        jdbc.update("update circuitos_campaign_message set not_sent_reason = ? where campaign_id = ? and customer_id = ? and sent_at is null",
                reason, campaignId, customerId);
    }

    /** The campaign's selected customers: how many got their email, and why the others did not. */
    public CampaignSends sends(String campaignId) {
        int[] counts = jdbc.queryForObject("select count(*), count(sent_at) from circuitos_campaign_message where campaign_id = ? and selected",
                (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}, campaignId);
        Map<String, Integer> notSent = new HashMap<>();
        // grouped by the column itself: PostgreSQL does not take coalesce(col, ?) in the select and in the group by as one expression
        jdbc.query("select not_sent_reason, count(*) from circuitos_campaign_message where campaign_id = ? and selected "
                        + "and sent_at is null group by not_sent_reason",
                (RowCallbackHandler) rs -> notSent.merge(rs.getString(1) == null ? CampaignSends.NO_SEND_RECORDED : rs.getString(1),
                        rs.getInt(2), Integer::sum), campaignId);
        return new CampaignSends(counts[0], counts[1], notSent);
    }

    /** Per segment and offer: the campaign's emails sent and the customers among them who reactivated. */
    public List<Reactivations> reactivations(String campaignId) {
        return jdbc.query("select segment, offer, count(*), sum(case when reactivated_at is not null then 1 else 0 end) "
                        + "from circuitos_campaign_message where campaign_id = ? and sent_at is not null group by segment, offer",
                (rs, n) -> new Reactivations(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)), campaignId);
    }

    /** Records an engagement ({@code opened_at}, {@code clicked_at} or {@code reactivated_at}); false when no email was sent. */
    public boolean recordEngagement(String column, String campaignId, String customerId, Instant at) {
        if (!List.of("opened_at", "clicked_at", "reactivated_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.update("update circuitos_campaign_message set " + column + " = coalesce(" + column + ", ?) "
                + "where campaign_id = ? and customer_id = ? and sent_at is not null", Timestamp.from(at), campaignId, customerId) > 0;
    }

    /** The campaign that last emailed the customer since {@code since}, if any. */
    public Optional<String> lastCampaignEmailing(String customerId, Instant since) {
        return jdbc.queryForList("select campaign_id from circuitos_campaign_message where customer_id = ? and sent_at >= ? "
                + "order by sent_at desc", String.class, customerId, Timestamp.from(since)).stream().findFirst();
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
