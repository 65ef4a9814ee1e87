package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Keeps decision {@code win-back-save-probability} honest. For every segment and offer this
 * campaign sent at least {@code minSent} emails for, the table's probability moves towards the
 * observed reactivation rate: new = (old × {@code priorWeight} + reactivated) / ({@code priorWeight} + sent),
 * so one campaign nudges rather than overwrites the analysts' estimate. Changes are not silent: each
 * is a row in {@code circuitos_save_probability_change} (old, new, evidence) and together they are
 * deployed as a new version of the table, named after the campaign, for review in Cockpit.
 * Writes {@code saveProbabilityChanges} and {@code saveProbabilitySummary}.
 */
public class LearnSaveProbabilitiesTask implements JavaDelegate, GenericTask {

    static final String DECISION = "win-back-save-probability";
    private static final double SMALLEST_CHANGE = 0.005;

    static final TaskInput<Double> MIN_SENT = TaskInput.number("minSent", "default 20");
    static final TaskInput<Double> PRIOR_WEIGHT = TaskInput.number("priorWeight", "default 50");
    static final TaskOutput<Number> SAVE_PROBABILITY_CHANGES = TaskOutput.number("saveProbabilityChanges", "how many probabilities moved");
    static final TaskOutput<String> SAVE_PROBABILITY_SUMMARY = TaskOutput.text("saveProbabilitySummary",
            "the table's old and new versions and each change, for the admins");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("learnSaveProbabilities")
            .agent(CampaignRun.AGENT)
            .title("Learn save probabilities")
            .description("Moves decision " + DECISION + " towards the reactivation rates a campaign observed, as a new version "
                    + "of the table for review.")
            .inputs(CampaignRun.CAMPAIGN_ID, MIN_SENT, PRIOR_WEIGHT)
            .outputs(SAVE_PROBABILITY_CHANGES, SAVE_PROBABILITY_SUMMARY)
            .writesIntoScope()
            .sideEffect("deploys a new version of the decision and records each change (circuitos_save_probability_change)")
            .build();

    private final CampaignMessageStore ledger;
    private final SaveProbabilityChangeStore changeLog;

    public LearnSaveProbabilitiesTask(CampaignMessageStore ledger, SaveProbabilityChangeStore changeLog) {
        this.ledger = ledger;
        this.changeLog = changeLog;
    }

    record Change(String segment, String offer, double oldProbability, double newProbability, CampaignMessageStore.Reactivations evidence) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = CampaignRun.CAMPAIGN_ID.require(execution);
        int minSent = MIN_SENT.read(execution, 20.0).intValue();
        double priorWeight = PRIOR_WEIGHT.read(execution, 50.0);
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion().singleResult();
        // a copy: the engine caches the deployed model instance, and a review must compare two versions
        DmnModelInstance table = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(
                Dmn.convertToString(repository.getDmnModelInstance(latest.getId())).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        List<Change> changes = new ArrayList<>();
        for (CampaignMessageStore.Reactivations seen : ledger.reactivations(campaignId)) {
            if (seen.sent() < minSent) {
                continue;
            }
            Rule rule = ruleFor(table, seen.segment(), seen.offer());
            if (rule == null) {
                continue;
            }
            OutputEntry output = rule.getOutputEntries().iterator().next();
            double old = Double.parseDouble(output.getText().getTextContent().trim());
            double learned = Math.round((old * priorWeight + seen.reactivated()) / (priorWeight + seen.sent()) * 10_000d) / 10_000d;
            if (Math.abs(learned - old) >= SMALLEST_CHANGE) {
                output.getText().setTextContent(Double.toString(learned));
                changes.add(new Change(seen.segment(), seen.offer(), old, learned, seen));
            }
        }
        String summary = changes.isEmpty() ? "No save probability changed (fewer than " + minSent
                + " emails per segment and offer, or results in line with the table)." : deploy(repository, table, latest, campaignId, changes);
        SAVE_PROBABILITY_CHANGES.writeInScope(execution, changes.size());
        SAVE_PROBABILITY_SUMMARY.writeInScope(execution, summary);
    }

    private String deploy(RepositoryService repository, DmnModelInstance table, DecisionDefinition previous, String campaignId,
                          List<Change> changes) {
        DeploymentWithDefinitions deployment = repository.createDeployment()
                .name(DECISION + " learned from campaign " + campaignId)
                .source("circuitos win-back agent")
                .addModelInstance(DECISION + ".dmn", table)
                .deployWithResult();
        DecisionDefinition learned = deployment.getDeployedDecisionDefinitions().get(0);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<String> lines = new ArrayList<>();
        for (Change change : changes) {
            changeLog.record(new SaveProbabilityChangeStore.Change(change.segment(), change.offer(), change.oldProbability(),
                    change.newProbability(), change.evidence().sent(), change.evidence().reactivated(), campaignId, learned.getVersion(),
                    deployment.getId(), now));
            lines.add(String.format(Locale.ROOT, "%s / %s: %.4f → %.4f (%d of %d reactivated)", change.segment(), change.offer(),
                    change.oldProbability(), change.newProbability(), change.evidence().reactivated(), change.evidence().sent()));
        }
        return "Table " + DECISION + " v" + previous.getVersion() + " → v" + learned.getVersion() + ":\n" + String.join("\n", lines);
    }

    /** The rule whose input entries are exactly the quoted segment and offer. */
    static Rule ruleFor(DmnModelInstance table, String segment, String offer) {
        for (Rule rule : table.getModelElementsByType(Rule.class)) {
            List<String> inputs = rule.getInputEntries().stream().map(InputEntry::getText)
                    .map(t -> t.getTextContent().trim()).toList();
            if (inputs.equals(List.of("\"" + segment + "\"", "\"" + offer + "\""))) {
                return rule;
            }
        }
        return null;
    }
}
