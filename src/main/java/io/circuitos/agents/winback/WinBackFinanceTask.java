package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The finance step. Per customer: expected revenue = save probability × yearly value, ROI = expected
 * revenue − offer cost (customers expected to lose money leave the campaign). With input
 * {@code fitToBudget = true} (after a manager edited the budget) the best ROI is kept first until the
 * offers' cost reaches {@code budget}. Writes the campaign's {@code totalOfferCost},
 * {@code expectedRevenue}, {@code campaignRoi}, {@code selectedCount}, {@code excludedCount},
 * {@code sendChunks} (the selected customers' ids as a JSON list of lists of {@code chunkSize}) and
 * {@code roiTable} (text for the approval form).
 */
public class WinBackFinanceTask implements JavaDelegate, GenericTask {

    /** Process text variables hold at most 4,000 characters: the form shows the best rows, the ledger has them all. */
    static final int ROI_TABLE_ROWS = 25;

    static final TaskInput<Double> BUDGET = TaskInput.number("budget", "budget to fit").fromRun();
    static final TaskInput<Boolean> FIT_TO_BUDGET = TaskInput.bool("fitToBudget", "keep the best ROI that fits");
    static final TaskOutput<Number> TOTAL_OFFER_COST = TaskOutput.number("totalOfferCost", "what the selected offers cost");
    static final TaskOutput<Number> EXPECTED_REVENUE = TaskOutput.number("expectedRevenue", "the selected customers' expected revenue");
    static final TaskOutput<Number> CAMPAIGN_ROI = TaskOutput.number("campaignRoi", "expected revenue − offer cost");
    static final TaskOutput<Number> SELECTED_COUNT = TaskOutput.number("selectedCount", "customers in the campaign");
    static final TaskOutput<Number> EXCLUDED_COUNT = TaskOutput.number("excludedCount", "customers left out");
    static final TaskOutput<TypedValue> SEND_CHUNKS = TaskOutput.json("sendChunks",
            "the selected customers' ids as a JSON list of lists of chunkSize");
    static final TaskOutput<String> ROI_TABLE = TaskOutput.text("roiTable", "the best rows and the totals, for the approval form");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("winBackFinance")
            .agent(CampaignRun.AGENT)
            .title("Campaign finance (ROI)")
            .description("Prices a campaign in its ledger: expected revenue and ROI per customer, those expected to lose money left out, "
                    + "or the best ROI that fits the budget.")
            .inputs(CampaignRun.CAMPAIGN_ID, CampaignChunks.CHUNK_SIZE, BUDGET, FIT_TO_BUDGET)
            .outputs(TOTAL_OFFER_COST, EXPECTED_REVENUE, CAMPAIGN_ROI, SELECTED_COUNT, EXCLUDED_COUNT, SEND_CHUNKS, ROI_TABLE)
            .writesIntoScope()
            .sideEffect("prices and selects the campaign's rows in the campaign ledger (circuitos_campaign_message)")
            .build();

    private final CampaignMessageStore ledger;

    public WinBackFinanceTask(CampaignMessageStore ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = CampaignRun.CAMPAIGN_ID.require(execution);
        if (Boolean.TRUE.equals(FIT_TO_BUDGET.read(execution))) {
            ledger.fitToBudget(campaignId, BUDGET.require(execution));
        } else {
            ledger.price(campaignId);
        }
        CampaignMessageStore.Totals totals = ledger.totals(campaignId);
        TOTAL_OFFER_COST.writeInScope(execution, totals.offerCost().doubleValue());
        EXPECTED_REVENUE.writeInScope(execution, totals.expectedRevenue().doubleValue());
        CAMPAIGN_ROI.writeInScope(execution, totals.roi().doubleValue());
        SELECTED_COUNT.writeInScope(execution, totals.selected());
        EXCLUDED_COUNT.writeInScope(execution, totals.excluded());
        SEND_CHUNKS.writeInScope(execution, CampaignChunks.of(ledger.selectedCustomerIds(campaignId), CampaignChunks.chunkSize(execution)));
        ROI_TABLE.writeInScope(execution, roiTable(ledger.rows(campaignId, ROI_TABLE_ROWS), totals));
    }

    /** @param rows the best rows, at most {@value #ROI_TABLE_ROWS} */
    static String roiTable(List<CampaignMessageStore.Row> rows, CampaignMessageStore.Totals totals) {
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
