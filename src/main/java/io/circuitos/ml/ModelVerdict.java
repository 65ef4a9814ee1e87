package io.circuitos.ml;

import java.util.List;
import java.util.Locale;

/**
 * The model card's verdict, in words and measured figures: does the model beat its baseline by the margin that
 * counts ({@value #CLEAR_MARGIN} ROC AUC on the hold-out), are its probabilities calibrated (every decile within
 * {@value #CALIBRATED_WITHIN}), and where not, what the figures say about why.
 */
public final class ModelVerdict {

    public static final double CLEAR_MARGIN = 0.015;
    public static final double CALIBRATED_WITHIN = 0.05;

    private ModelVerdict() {
    }

    public static String of(String baseline, ModelMetrics model, ModelMetrics baselineMetrics, Reliability reliability,
                            List<ModelMetadata.Alternative> alsoTried, ModelMetrics groundTruth, boolean[] positives) {
        double margin = model.rocAuc() - baselineMetrics.rocAuc();
        StringBuilder verdict = new StringBuilder();
        if (margin >= CLEAR_MARGIN) {
            verdict.append(format("Beats %s by %+.4f ROC AUC on the hold-out (%.4f against %.4f).", baseline, margin, model.rocAuc(),
                    baselineMetrics.rocAuc()));
        } else {
            verdict.append(format("Does not beat %s by %.3f ROC AUC: %+.4f on the hold-out (%.4f against %.4f).", baseline, CLEAR_MARGIN,
                    margin, model.rocAuc(), baselineMetrics.rocAuc()));
            if (groundTruth != null) {
                verdict.append(format(" The data is generated and the generator's own probabilities reach %.4f on the same hold-out: "
                        + "no model can do better, and %s is %.4f below that ceiling, so no learner can clear the margin.",
                        groundTruth.rocAuc(), baseline, groundTruth.rocAuc() - baselineMetrics.rocAuc()));
            }
            alsoTried.stream().max(java.util.Comparator.comparingDouble(a -> a.holdout().rocAuc())).ifPresent(best -> verdict.append(
                    format(" The best of the %d other learners tried reached %.4f (%s).", alsoTried.size(), best.holdout().rocAuc(),
                            best.algorithm())));
            int positive = 0;
            for (boolean p : positives) {
                positive += p ? 1 : 0;
            }
            double halfWidth = 1.96 * ModelMetrics.aucStandardError(model.rocAuc(), positive, positives.length - positive);
            verdict.append(format(" On this hold-out (%d cases, %d positive) a ROC AUC is known to ±%.4f (95 %%), %s the margin sought.",
                    positives.length, positive, halfWidth, halfWidth > CLEAR_MARGIN ? "wider than" : "narrower than"));
        }
        verdict.append(format(" Calibration: the largest gap between predicted and observed in a decile is %.4f (%s %.2f).",
                reliability.largestGap(), reliability.largestGap() <= CALIBRATED_WITHIN ? "within" : "NOT within", CALIBRATED_WITHIN));
        return verdict.toString();
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
