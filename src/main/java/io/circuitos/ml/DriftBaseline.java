package io.circuitos.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;

/**
 * What the training data looked like, feature by feature, for the drift watch: a numeric feature's decile edges and the
 * share of the training rows between them, a nominal feature's share of each value. Kept in {@code model.json}
 * ({@code driftBaseline}); free text has none.
 */
public record DriftBaseline(Map<String, Feature> features) {

    /**
     * @param edges    numeric: the inner bucket edges (a value goes to the number of edges at or below it); empty for nominal
     * @param expected the training share of each bucket: {@code edges.size() + 1} numeric buckets, or one per {@code values}
     * @param values   nominal: the values in bucket order; empty for numeric
     */
    public record Feature(List<Double> edges, List<Double> expected, List<String> values) {

        /** The bucket of a value; -1 when it has none (missing, or not a value the feature had). */
        public int bucket(Object value) {
            if (value == null) {
                return -1;
            }
            if (values.isEmpty()) {
                double number;
                try {
                    number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
                int bucket = 0;
                while (bucket < edges.size() && edges.get(bucket) <= number) {
                    bucket++;
                }
                return bucket;
            }
            int index = values.indexOf(value.toString());
            return index < 0 ? values.size() : index; // one more bucket: values the training data never had
        }

        public int buckets() {
            return values.isEmpty() ? edges.size() + 1 : values.size() + 1;
        }
    }

    /** The baseline of every numeric and nominal attribute of the training rows but the class. */
    public static DriftBaseline of(Instances training) {
        Map<String, Feature> features = new LinkedHashMap<>();
        for (int i = 0; i < training.numAttributes(); i++) {
            Attribute attribute = training.attribute(i);
            if (i == training.classIndex() || attribute.isString()) {
                continue;
            }
            if (attribute.isNumeric()) {
                double[] values = Arrays.stream(training.attributeToDoubleArray(i)).filter(v -> !Utils.isMissingValue(v)).sorted().toArray();
                if (values.length == 0) {
                    continue;
                }
                List<Double> edges = new ArrayList<>();
                for (int q = 1; q < 10; q++) {
                    double edge = values[(int) ((long) q * values.length / 10)];
                    if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
                        edges.add(edge);
                    }
                }
                Feature feature = new Feature(List.copyOf(edges), List.of(), List.of());
                double[] counts = new double[feature.buckets()];
                for (double value : values) {
                    counts[feature.bucket(value)]++;
                }
                features.put(attribute.name(), new Feature(List.copyOf(edges), shares(counts, values.length), List.of()));
            } else if (attribute.isNominal()) {
                List<String> names = new ArrayList<>();
                for (int v = 0; v < attribute.numValues(); v++) {
                    names.add(attribute.value(v));
                }
                int[] nominal = training.attributeStats(i).nominalCounts;
                double[] counts = new double[names.size() + 1];
                int total = 0;
                for (int v = 0; v < nominal.length; v++) {
                    counts[v] = nominal[v];
                    total += nominal[v];
                }
                if (total > 0) {
                    features.put(attribute.name(), new Feature(List.of(), shares(counts, total), List.copyOf(names)));
                }
            }
        }
        return new DriftBaseline(features);
    }

    private static List<Double> shares(double[] counts, int total) {
        List<Double> shares = new ArrayList<>();
        for (double count : counts) {
            shares.add(Math.round(count / total * 1_000_000d) / 1_000_000d);
        }
        return List.copyOf(shares);
    }
}
