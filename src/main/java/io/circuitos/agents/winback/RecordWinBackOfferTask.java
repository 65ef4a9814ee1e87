package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskSpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Puts one customer's offer, save probability and drafted email into the campaign ledger. */
public class RecordWinBackOfferTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> CUSTOMER_STATUS = TaskInput.text("customerStatus", "active or churned").fromRun();
    static final TaskInput<Double> CHURN_RISK = TaskInput.number("churnRisk", "the churn model's probability").fromRun();
    static final TaskInput<String> SEGMENT = TaskInput.text("segment", "customer segment").fromRun();
    static final TaskInput<String> STRATEGY = TaskInput.text("strategy", "the segment's strategy").fromRun();
    static final TaskInput<String> OFFER = TaskInput.text("offer", "the offer a decision chose").fromRun();
    static final TaskInput<Double> OFFER_COST = TaskInput.number("offerCost", "cost of the offer").required().fromRun();
    static final TaskInput<Double> CUSTOMER_VALUE = TaskInput.number("customerValue", "value of the customer").required().fromRun();
    static final TaskInput<Double> SAVE_PROBABILITY = TaskInput.number("saveProbability", "probability of saving the customer")
            .required().fromRun();
    static final TaskInput<String> CUSTOMER_EMAIL = TaskInput.text("customerEmail", "the customer's address").fromRun();
    static final TaskInput<String> EMAIL_DRAFT = TaskInput.text("emailDraft", "the drafted email").fromRun();
    static final TaskInput<String> DRAFT_ORIGIN = TaskInput.text("draftOrigin", "llm or template").fromRun();

    public static final TaskSpec SPEC = TaskSpec.serviceTask("recordWinBackOffer")
            .agent(CampaignRun.AGENT)
            .title("Record a win-back offer")
            .description("Puts one customer's offer, save probability and drafted email into the campaign ledger.")
            .inputs(CampaignRun.CAMPAIGN_ID, CampaignRun.CUSTOMER_ID, CUSTOMER_STATUS, CHURN_RISK, SEGMENT, STRATEGY, OFFER, OFFER_COST,
                    CUSTOMER_VALUE, SAVE_PROBABILITY, CUSTOMER_EMAIL, EMAIL_DRAFT, DRAFT_ORIGIN)
            .writesIntoScope()
            .sideEffect("writes the offer to the campaign ledger (circuitos_campaign_message)")
            .build();

    private final CampaignMessageStore ledger;

    public RecordWinBackOfferTask(CampaignMessageStore ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.recordOffer(new CampaignMessageStore.Offer(
                CampaignRun.CAMPAIGN_ID.require(execution), CampaignRun.CUSTOMER_ID.require(execution), CUSTOMER_STATUS.read(execution),
                CHURN_RISK.read(execution), SEGMENT.read(execution), STRATEGY.read(execution), OFFER.read(execution),
                OFFER_COST.require(execution), CUSTOMER_VALUE.require(execution), SAVE_PROBABILITY.require(execution),
                CUSTOMER_EMAIL.read(execution), EMAIL_DRAFT.read(execution), DRAFT_ORIGIN.read(execution)));
    }
}
