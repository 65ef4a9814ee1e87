package io.circuitos.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Does "probability 0.30" mean 30 %: the cases sorted by predicted probability and cut into ten groups of
 * (nearly) equal size, each group's mean prediction beside the share of its cases that were positive.
 */
public record Reliability(List<Decile> deciles, double largestGap) {

    public static final int DECILES = 10;

    /** @param gap observed minus predicted, the calibration error of this tenth of the cases */
    public record Decile(int decile, int cases, double meanPredicted, double observed, double gap) {
    }

    public static Reliability of(double[] probabilities, boolean[] positives) {
        Integer[] order = new Integer[probabilities.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i]));
        List<Decile> deciles = new ArrayList<>(DECILES);
        double largestGap = 0;
        for (int d = 0; d < DECILES; d++) {
            int from = (int) ((long) d * order.length / DECILES);
            int to = (int) ((long) (d + 1) * order.length / DECILES);
            if (from == to) {
                continue;
            }
            double predicted = 0;
            int positive = 0;
            for (int k = from; k < to; k++) {
                predicted += probabilities[order[k]];
                positive += positives[order[k]] ? 1 : 0;
            }
            double meanPredicted = predicted / (to - from);
            double observed = (double) positive / (to - from);
            double gap = observed - meanPredicted;
            largestGap = Math.max(largestGap, Math.abs(gap));
            deciles.add(new Decile(d + 1, to - from, ModelMetrics.round(meanPredicted), ModelMetrics.round(observed), ModelMetrics.round(gap)));
        }
        return new Reliability(deciles, ModelMetrics.round(largestGap));
    }
}
