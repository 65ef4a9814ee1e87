package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.SendEmailTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskSpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * After the send of one win-back email: records in the ledger (the campaign's log) that the email was sent,
 * or why not ({@code notSentReason} of the send task).
 */
public class MarkWinBackSentTask implements JavaDelegate, GenericTask {

    static final TaskInput<Boolean> EMAIL_SENT = TaskInput.bool(SendEmailTask.EMAIL_SENT.name(), "the send task's result").fromRun();
    static final TaskInput<String> NOT_SENT_REASON = TaskInput.text(SendEmailTask.NOT_SENT_REASON.name(), "why the send task sent nothing")
            .fromRun();

    public static final TaskSpec SPEC = TaskSpec.serviceTask("markWinBackSent")
            .agent(CampaignRun.AGENT)
            .title("Mark a campaign message sent (or why not)")
            .description("Records in the campaign ledger that a customer's email was sent, or why not.")
            .inputs(CampaignRun.CAMPAIGN_ID, CampaignRun.CUSTOMER_ID, EMAIL_SENT, NOT_SENT_REASON)
            .writesIntoScope()
            .sideEffect("marks the email sent, or why not, in the campaign ledger (circuitos_campaign_message)")
            .build();

    private final CampaignMessageStore ledger;

    public MarkWinBackSentTask(CampaignMessageStore ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = CampaignRun.CAMPAIGN_ID.require(execution);
        String customerId = CampaignRun.CUSTOMER_ID.require(execution);
        if (Boolean.TRUE.equals(EMAIL_SENT.read(execution))) {
            ledger.markSent(campaignId, customerId, ClockUtil.getCurrentTime().toInstant());
        } else {
            ledger.markNotSent(campaignId, customerId, NOT_SENT_REASON.read(execution, CampaignSends.NO_SEND_RECORDED));
        }
    }
}
