package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import weka.core.Statistics;

/**
 * Self-correction after a campaign's engagement window. Each segment the campaign emailed gets a
 * cycle: engaged share (opened, clicked or reactivated) against the segment's baseline. After
 * {@code cyclesToAct} consecutive cycles below {@code belowShare} × baseline on the same strategy
 * (counted since the segment's last change), the segment rotates to its next strategy, recorded
 * with the reason and a confidence: the probability that the segment's true engagement is below
 * the threshold, from a Beta posterior whose prior sits at the baseline with the weight of
 * {@code priorStrength} emails. Few emails leave the prior in charge and the confidence low, so
 * thin evidence is escalated rather than acted on. With no strategy left, or a confidence under
 * {@code minConfidence}, it is escalated instead. Writes {@code rotations},
 * {@code escalations} and {@code strategyReview} (text for the admins' task).
 */
public class ReviewWinBackEngagementTask implements JavaDelegate, GenericTask {

    static final TaskInput<Double> BELOW_SHARE = TaskInput.number("belowShare", "default 0.8");
    static final TaskInput<Double> CYCLES_TO_ACT = TaskInput.number("cyclesToAct", "default 3");
    static final TaskInput<Double> MIN_CONFIDENCE = TaskInput.number("minConfidence", "default 0.5");
    static final TaskInput<Double> PRIOR_STRENGTH = TaskInput.number("priorStrength", "default 20");
    static final TaskOutput<Number> ROTATIONS = TaskOutput.number("rotations", "segments rotated to their next strategy");
    static final TaskOutput<Number> ESCALATIONS = TaskOutput.number("escalations", "segments escalated to the admins");
    static final TaskOutput<String> STRATEGY_REVIEW = TaskOutput.text("strategyReview", "each segment's cycle and what was done, for the admins");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("reviewWinBackEngagement")
            .agent(CampaignRun.AGENT)
            .title("Review campaign engagement")
            .description("After a campaign's engagement window: each segment's engagement against its baseline; a segment below it "
                    + "cycle after cycle rotates to its next strategy, or is escalated when the evidence is thin.")
            .inputs(CampaignRun.CAMPAIGN_ID, BELOW_SHARE, CYCLES_TO_ACT, MIN_CONFIDENCE, PRIOR_STRENGTH)
            .outputs(ROTATIONS, ESCALATIONS, STRATEGY_REVIEW)
            .writesIntoScope()
            .sideEffect("records each segment's cycle and rotates or escalates its strategy in the strategy book")
            .build();

    private final StrategyStore strategies;

    public ReviewWinBackEngagementTask(StrategyStore strategies) {
        this.strategies = strategies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = CampaignRun.CAMPAIGN_ID.require(execution);
        double belowShare = BELOW_SHARE.read(execution, 0.8);
        int cyclesToAct = CYCLES_TO_ACT.read(execution, 3.0).intValue();
        double minConfidence = MIN_CONFIDENCE.read(execution, 0.5);
        double priorStrength = PRIOR_STRENGTH.read(execution, 20.0);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<String> review = new ArrayList<>();
        int rotations = 0;
        int escalations = 0;
        for (StrategyStore.Cycle cycle : strategies.recordCycles(campaignId, belowShare, now)) {
            review.add(String.format(Locale.ROOT, "%s on %s: %d of %d engaged (%.1f %%), baseline %.1f %%%s", cycle.segment(),
                    cycle.strategy(), cycle.engaged(), cycle.sent(), 100 * cycle.rate(), 100 * cycle.baseline(),
                    cycle.below() ? ", below " + Math.round(100 * belowShare) + " % of baseline" : ""));
            StrategyStore.Strategy current = strategies.current(cycle.segment()).orElse(null);
            if (current == null || !current.strategy().equals(cycle.strategy())) {
                continue;
            }
            List<StrategyStore.Cycle> recent = strategies.cyclesSinceLastChange(cycle.segment(), current.strategy());
            if (recent.size() < cyclesToAct || !recent.subList(0, cyclesToAct).stream().allMatch(StrategyStore.Cycle::below)) {
                continue;
            }
            List<StrategyStore.Cycle> evidence = recent.subList(0, cyclesToAct);
            double confidence = confidence(evidence, current.baseline(), belowShare * current.baseline(), priorStrength);
            String reason = String.format(Locale.ROOT, "%d consecutive cycles below %d %% of the %.1f %% baseline (%s)", cyclesToAct,
                    Math.round(100 * belowShare), 100 * current.baseline(), evidence.stream()
                            .map(c -> String.format(Locale.ROOT, "%d/%d", c.engaged(), c.sent())).toList());
            var next = strategies.next(current);
            if (next.isEmpty()) {
                strategies.escalate(current, reason + "; no strategy left to try", confidence, campaignId, now);
                review.add("  → escalated: " + cycle.segment() + " has no strategy left after " + current.strategy());
                escalations++;
            } else if (confidence < minConfidence) {
                strategies.escalate(current, reason + String.format(Locale.ROOT, "; confidence %.2f below %.2f", confidence, minConfidence),
                        confidence, campaignId, now);
                review.add(String.format(Locale.ROOT, "  → escalated: too little evidence to rotate %s (confidence %.2f)",
                        cycle.segment(), confidence));
                escalations++;
            } else {
                strategies.rotate(current, next.get(), reason, confidence, campaignId, now);
                review.add(String.format(Locale.ROOT, "  → rotated %s from %s to %s (confidence %.2f)", cycle.segment(),
                        current.strategy(), next.get().strategy(), confidence));
                rotations++;
            }
        }
        ROTATIONS.writeInScope(execution, rotations);
        ESCALATIONS.writeInScope(execution, escalations);
        STRATEGY_REVIEW.writeInScope(execution, review.isEmpty() ? "No email of this campaign was sent: nothing to review."
                : String.join("\n", review));
    }

    /** P(true engagement rate < threshold | cycles), Beta(baseline × strength + engaged, (1 − baseline) × strength + not engaged). */
    static double confidence(List<StrategyStore.Cycle> cycles, double baseline, double threshold, double priorStrength) {
        int sent = cycles.stream().mapToInt(StrategyStore.Cycle::sent).sum();
        int engaged = cycles.stream().mapToInt(StrategyStore.Cycle::engaged).sum();
        if (baseline <= 0 || baseline >= 1 || threshold <= 0) {
            return 0;
        }
        double alpha = baseline * priorStrength + engaged;
        double beta = (1 - baseline) * priorStrength + (sent - engaged);
        return Statistics.incompleteBeta(alpha, beta, Math.min(threshold, 1));
    }
}
