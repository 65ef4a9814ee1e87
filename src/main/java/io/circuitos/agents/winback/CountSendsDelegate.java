package io.circuitos.agents.winback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * After the send chunks: counts from the ledger how many of the campaign's emails were sent and why the
 * others were not, in one query (nothing per customer). Writes {@code emailsSent}, {@code emailsNotSent}
 * and {@code sendSummary}, the text the campaign's end reason uses.
 */
public class CountSendsDelegate implements JavaDelegate {

    private final CampaignLedger ledger;

    public CountSendsDelegate(CampaignLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CampaignSends sends = ledger.sends(String.valueOf(execution.getVariable("campaignId")));
        execution.setVariable("emailsSent", sends.sent());
        execution.setVariable("emailsNotSent", sends.notSent());
        execution.setVariable("sendSummary", sends.summary());
    }
}
