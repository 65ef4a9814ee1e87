package io.circuitos.ml;

import java.util.ArrayList;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.evaluation.ThresholdCurve;
import weka.core.Instances;

/** ROC AUC, PR AUC and Brier score of a set of positive-class probabilities, computed as Weka does. */
public record ModelMetrics(double rocAuc, double prAuc, double brier, int n) {

    public static ModelMetrics of(double[] probabilities, boolean[] positives) {
        ArrayList<Prediction> predictions = new ArrayList<>(probabilities.length);
        double squaredError = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double actual = positives[i] ? 1 : 0;
            double p = probabilities[i];
            predictions.add(new NominalPrediction(actual, new double[] {1 - p, p}));
            squaredError += (p - actual) * (p - actual);
        }
        Instances curve = new ThresholdCurve().getCurve(predictions, 1);
        return new ModelMetrics(round(ThresholdCurve.getROCArea(curve)), round(ThresholdCurve.getPRCArea(curve)),
                round(squaredError / probabilities.length), probabilities.length);
    }

    /** The standard error of a ROC AUC measured on this many positive and negative cases (Hanley and McNeil, 1982). */
    public static double aucStandardError(double auc, int positives, int negatives) {
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        return Math.sqrt((auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc))
                / ((double) positives * negatives));
    }

    static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
