package io.circuitos.agents.winback;

import io.circuitos.tasks.TaskInput;

/** The run variables several win-back tasks read: the campaign, and within a chunk the customer. */
final class CampaignRun {

    static final String AGENT = WinBackProcess.KEY;

    static final TaskInput<String> CAMPAIGN_ID = TaskInput.text("campaignId", "the campaign").required().fromRun();
    static final TaskInput<String> CUSTOMER_ID = TaskInput.text("customerId", "the customer, within a chunk").required().fromRun();

    private CampaignRun() {
    }
}
