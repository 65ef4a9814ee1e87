package io.circuitos.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each version of a model did on the production cases whose outcome is known: ROC AUC with a 95 % confidence
 * interval (Hanley and McNeil, 1982), the Brier score, a reliability table by tenths of predicted probability and the
 * lift of the top decile. Plain arithmetic over {@link RunOutcome}s, no engine.
 */
public final class ModelComparison {

    /** Fewer cases of the rarer outcome than this, and the figures say they are unstable. */
    static final int FEW = 30;

    private ModelComparison() {
    }

    /** One reliability bin: predictions in [from, to). */
    public record Bin(double from, double to, int cases, Double meanPredicted, Double observed) {
    }

    /**
     * @param rocAuc       null when the version has no labelled case of one of the two outcomes
     * @param liftTopDecile the positive rate among the tenth of cases it scored highest, over its positive rate overall
     */
    public record Version(String version, String status, int cases, int positives, Double rocAuc, Double rocAucLow, Double rocAucHigh, Double brier,
                          Double liftTopDecile, List<Bin> reliability, String note) {
    }

    /** @param labelledCases the labelled runs (each version scored them, the champion deciding and the challengers in shadow) */
    public record Report(String model, int labelledCases, List<Version> versions) {
    }

    public static Report of(String model, List<RunOutcome> outcomes) {
        return of(model, outcomes, version -> null);
    }

    /** @param statusOf a version's status now: {@code champion}, {@code challenger} or {@code retired} */
    public static Report of(String model, List<RunOutcome> outcomes, java.util.function.Function<String, String> statusOf) {
        Map<String, List<RunOutcome>> byVersion = outcomes.stream().filter(o -> o.probability() != null)
                .collect(Collectors.groupingBy(RunOutcome::modelVersion, LinkedHashMap::new, Collectors.toList()));
        List<Version> versions = byVersion.entrySet().stream().map(e -> version(e.getKey(), statusOf.apply(e.getKey()), e.getValue())).toList();
        int runs = (int) outcomes.stream().filter(o -> o.probability() != null).map(RunOutcome::processInstanceId).distinct().count();
        return new Report(model, runs, versions);
    }

    static Version version(String version, String status, List<RunOutcome> cases) {
        int n = cases.size();
        int positives = (int) cases.stream().filter(RunOutcome::positive).count();
        double brier = cases.stream().mapToDouble(c -> Math.pow(c.probability() - (c.positive() ? 1 : 0), 2)).average().orElse(Double.NaN);
        List<Bin> reliability = reliability(cases);
        if (positives == 0 || positives == n) {
            return new Version(version, status, n, positives, null, null, null, round(brier), null, reliability,
                    "ROC AUC and lift need cases of both outcomes: " + positives + " of " + n + " are positive");
        }
        double auc = auc(cases);
        int negatives = n - positives;
        double se = io.circuitos.ml.ModelMetrics.aucStandardError(auc, positives, negatives);
        return new Version(version, status, n, positives, round(auc), round(Math.max(0, auc - 1.96 * se)), round(Math.min(1, auc + 1.96 * se)),
                round(brier), round(liftTopDecile(cases, (double) positives / n)), reliability,
                Math.min(positives, negatives) < FEW ? "only " + Math.min(positives, negatives) + " cases of the rarer outcome: these figures "
                        + "can move a lot with the next cases" : null);
    }

    /** The probability that a positive case scores above a negative one, ties counting half (Mann-Whitney). */
    static double auc(List<RunOutcome> cases) {
        List<RunOutcome> sorted = new ArrayList<>(cases);
        sorted.sort(Comparator.comparingDouble(RunOutcome::probability));
        double rankSum = 0;
        int positives = 0;
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).probability().equals(sorted.get(i).probability())) {
                j++;
            }
            double meanRank = (i + 1 + j) / 2.0; // ranks i+1 .. j share their mean
            for (int k = i; k < j; k++) {
                if (sorted.get(k).positive()) {
                    rankSum += meanRank;
                    positives++;
                }
            }
            i = j;
        }
        int negatives = sorted.size() - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double liftTopDecile(List<RunOutcome> cases, double baseRate) {
        int top = Math.max(1, (int) Math.ceil(cases.size() / 10.0));
        double topRate = cases.stream().sorted(Comparator.comparingDouble(RunOutcome::probability).reversed()).limit(top)
                .filter(RunOutcome::positive).count() / (double) top;
        return topRate / baseRate;
    }

    private static List<Bin> reliability(List<RunOutcome> cases) {
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double from = b / 10.0;
            double to = (b + 1) / 10.0;
            int bin = b;
            List<RunOutcome> in = cases.stream().filter(c -> Math.min(9, (int) (c.probability() * 10)) == bin).toList();
            bins.add(new Bin(from, to, in.size(), in.isEmpty() ? null : round(in.stream().mapToDouble(RunOutcome::probability).average().orElse(0)),
                    in.isEmpty() ? null : round(in.stream().filter(RunOutcome::positive).count() / (double) in.size())));
        }
        return bins;
    }

    private static Double round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10_000d) / 10_000d;
    }
}
