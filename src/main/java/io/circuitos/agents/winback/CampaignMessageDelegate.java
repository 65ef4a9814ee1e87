package io.circuitos.agents.winback;

import io.circuitos.tasks.SendEmailDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Two steps around the send of one win-back email: {@code load} writes local {@code to} and
 * {@code text} from the ledger, {@code sent} records in the ledger (the campaign's log) that the email was sent,
 * or why not ({@code notSentReason} of the send task).
 */
public class CampaignMessageDelegate implements JavaDelegate {

    private final CampaignLedger ledger;
    private final boolean load;

    private CampaignMessageDelegate(CampaignLedger ledger, boolean load) {
        this.ledger = ledger;
        this.load = load;
    }

    public static CampaignMessageDelegate load(CampaignLedger ledger) {
        return new CampaignMessageDelegate(ledger, true);
    }

    public static CampaignMessageDelegate markSent(CampaignLedger ledger) {
        return new CampaignMessageDelegate(ledger, false);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = String.valueOf(execution.getVariable("campaignId"));
        String customerId = String.valueOf(execution.getVariable("customerId"));
        if (load) {
            CampaignLedger.Message message = ledger.message(campaignId, customerId).orElseThrow(() -> new IllegalStateException(
                    "campaign " + campaignId + " has no email for customer " + customerId));
            execution.setVariableLocal("to", message.email());
            execution.setVariableLocal("text", message.draft());
        } else if (Boolean.TRUE.equals(execution.getVariable("emailSent"))) {
            ledger.markSent(campaignId, customerId, ClockUtil.getCurrentTime().toInstant());
        } else {
            Object reason = execution.getVariable(SendEmailDelegate.NOT_SENT_REASON);
            ledger.markNotSent(campaignId, customerId, reason == null ? CampaignSends.NO_SEND_RECORDED : reason.toString());
        }
    }
}
