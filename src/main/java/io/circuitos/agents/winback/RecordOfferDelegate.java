package io.circuitos.agents.winback;

import io.circuitos.tasks.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Puts one customer's offer, save probability and drafted email into the campaign ledger. */
public class RecordOfferDelegate implements JavaDelegate {

    private final CampaignLedger ledger;

    public RecordOfferDelegate(CampaignLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object churnRisk = execution.getVariable("churnRisk");
        ledger.recordOffer(new CampaignLedger.Offer(
                text(execution, "campaignId"), text(execution, "customerId"), text(execution, "customerStatus"),
                churnRisk == null ? null : ((Number) churnRisk).doubleValue(),
                text(execution, "segment"), text(execution, "strategy"), text(execution, "offer"),
                TaskInputs.number(execution, "offerCost"), TaskInputs.number(execution, "customerValue"),
                TaskInputs.number(execution, "saveProbability"),
                text(execution, "customerEmail"), text(execution, "emailDraft"), text(execution, "draftOrigin")));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
