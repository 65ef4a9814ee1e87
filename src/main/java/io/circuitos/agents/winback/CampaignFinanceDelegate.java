package io.circuitos.agents.winback;

import io.circuitos.tasks.TaskInputs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The finance step. Per customer: expected revenue = save probability × yearly value, ROI = expected
 * revenue − offer cost (customers expected to lose money leave the campaign). With input
 * {@code fitToBudget = true} (after a manager edited the budget) the best ROI is kept first until the
 * offers' cost reaches {@code budget}. Writes the campaign's {@code totalOfferCost},
 * {@code expectedRevenue}, {@code campaignRoi}, {@code selectedCount}, {@code excludedCount},
 * {@code sendChunks} (the selected customers' ids as a JSON list of lists of {@code chunkSize}) and
 * {@code roiTable} (text for the approval form).
 */
public class CampaignFinanceDelegate implements JavaDelegate {

    /** Process text variables hold at most 4,000 characters: the form shows the best rows, the ledger has them all. */
    static final int ROI_TABLE_ROWS = 25;

    private final CampaignLedger ledger;

    public CampaignFinanceDelegate(CampaignLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = String.valueOf(execution.getVariable("campaignId"));
        if (Boolean.TRUE.equals(execution.getVariable("fitToBudget"))) {
            ledger.fitToBudget(campaignId, TaskInputs.number(execution, "budget"));
        } else {
            ledger.price(campaignId);
        }
        CampaignLedger.Totals totals = ledger.totals(campaignId);
        execution.setVariable("totalOfferCost", totals.offerCost().doubleValue());
        execution.setVariable("expectedRevenue", totals.expectedRevenue().doubleValue());
        execution.setVariable("campaignRoi", totals.roi().doubleValue());
        execution.setVariable("selectedCount", totals.selected());
        execution.setVariable("excludedCount", totals.excluded());
        execution.setVariable("sendChunks", CampaignChunks.of(ledger.selectedCustomerIds(campaignId), CampaignChunks.chunkSize(execution)));
        execution.setVariable("roiTable", roiTable(ledger.rows(campaignId, ROI_TABLE_ROWS), totals));
    }

    /** @param rows the best rows, at most {@value #ROI_TABLE_ROWS} */
    static String roiTable(List<CampaignLedger.Row> rows, CampaignLedger.Totals totals) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-14s %-10s %-24s %9s %10s %7s %10s %10s  %s%n",
                "customer", "segment", "offer", "cost", "value/yr", "p(save)", "exp. rev.", "ROI", "in campaign"));
        rows.forEach(r -> table.append(String.format(Locale.ROOT,
                "%-14s %-10s %-24s %9.2f %10.2f %7.2f %10.2f %10.2f  %s%n", r.customerId(), r.segment(), r.offer(), r.offerCost(),
                r.customerValue(), r.saveProbability(), orZero(r.expectedRevenue()), orZero(r.roi()), r.selected() ? "yes" : "no")));
        int all = totals.selected() + totals.excluded();
        if (all > rows.size()) {
            table.append(String.format(Locale.ROOT, "... and %d more customers with a lower ROI (all in circuitos_campaign_message)%n",
                    all - rows.size()));
        }
        table.append(String.format(Locale.ROOT, "%nCampaign: %d customers, offers cost %.2f, expected revenue %.2f, ROI %.2f (%d left out)",
                totals.selected(), totals.offerCost(), totals.expectedRevenue(), totals.roi(), totals.excluded()));
        return table.toString();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
