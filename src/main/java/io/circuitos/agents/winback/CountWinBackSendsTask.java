package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * After the send chunks: counts from the ledger how many of the campaign's emails were sent and why the
 * others were not, in one query (nothing per customer). Writes {@code emailsSent}, {@code emailsNotSent}
 * and {@code sendSummary}, the text the campaign's end reason uses.
 */
public class CountWinBackSendsTask implements JavaDelegate, GenericTask {

    static final TaskOutput<Number> EMAILS_SENT = TaskOutput.number("emailsSent", "the campaign's emails sent");
    static final TaskOutput<Number> EMAILS_NOT_SENT = TaskOutput.number("emailsNotSent", "the campaign's emails not sent");
    static final TaskOutput<String> SEND_SUMMARY = TaskOutput.text("sendSummary", "e.g. campaign sent 812 of 1,000 emails; 188 not sent: why");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("countWinBackSends")
            .agent(CampaignRun.AGENT)
            .title("Count a campaign's emails sent and not sent")
            .description("Counts from the ledger how many of a campaign's emails were sent and why the others were not.")
            .inputs(CampaignRun.CAMPAIGN_ID)
            .outputs(EMAILS_SENT, EMAILS_NOT_SENT, SEND_SUMMARY)
            .writesIntoScope()
            .noSideEffects()
            .build();

    private final CampaignMessageStore ledger;

    public CountWinBackSendsTask(CampaignMessageStore ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CampaignSends sends = ledger.sends(CampaignRun.CAMPAIGN_ID.require(execution));
        EMAILS_SENT.writeInScope(execution, sends.sent());
        EMAILS_NOT_SENT.writeInScope(execution, sends.notSent());
        SEND_SUMMARY.writeInScope(execution, sends.summary());
    }
}
