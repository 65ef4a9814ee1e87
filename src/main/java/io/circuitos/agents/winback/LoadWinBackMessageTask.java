package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Before the send of one win-back email: the address and the text from the ledger, for the send task to read. */
public class LoadWinBackMessageTask implements JavaDelegate, GenericTask {

    static final TaskOutput<String> TO = TaskOutput.text("to", "the customer's address");
    static final TaskOutput<String> TEXT = TaskOutput.text("text", "the email drafted for the customer");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("loadWinBackMessage")
            .agent(CampaignRun.AGENT)
            .title("Load a campaign message")
            .description("Loads the address and the drafted email of one customer of a campaign from the ledger, for the send task.")
            .inputs(CampaignRun.CAMPAIGN_ID, CampaignRun.CUSTOMER_ID)
            .outputs(TO, TEXT)
            .writesIntoScope()
            .noSideEffects()
            .build();

    private final CampaignMessageStore ledger;

    public LoadWinBackMessageTask(CampaignMessageStore ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = CampaignRun.CAMPAIGN_ID.require(execution);
        String customerId = CampaignRun.CUSTOMER_ID.require(execution);
        CampaignMessageStore.Message message = ledger.message(campaignId, customerId).orElseThrow(() -> new IllegalStateException(
                "campaign " + campaignId + " has no email for customer " + customerId));
        TO.write(execution, message.email());
        TEXT.write(execution, message.draft());
    }
}
