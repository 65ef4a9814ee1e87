package io.circuitos.ml;

import java.util.List;
import java.util.Map;

/** The content of a model's {@code model.json}: what it is, what it was trained on, how good it is. */
public record ModelMetadata(
        String name,
        String version,
        String description,
        String algorithm,
        List<String> options,
        List<Feature> features,
        Label label,
        TrainingData trainingData,
        String createdAt,
        Metrics metrics,
        ReferencePopulation referencePopulation,
        Map<String, Object> baselineValues,
        String modelFile,
        DriftBaseline driftBaseline) {

    /** The card with the drift baseline of its training rows. */
    public ModelMetadata withDriftBaseline(DriftBaseline baseline) {
        return new ModelMetadata(name, version, description, algorithm, options, features, label, trainingData, createdAt, metrics,
                referencePopulation, baselineValues, modelFile, baseline);
    }

    public record Feature(String name, String column, String type, List<String> values) {
    }

    public record Label(String column, String positiveValue, double positiveRate) {
    }

    public record TrainingData(String file, String sha256, int rows, int trainingRows, int holdoutRows,
                               String split, String generated) {
    }

    public record Metrics(ModelMetrics holdout, ModelMetrics crossValidation, int folds,
                          ModelMetrics baselineLogisticHoldout) {
    }

    /**
     * Sorted probabilities at evenly spaced percentiles (0 %, 0.1 %, ... 100 %) of the hold-out
     * predictions, so a probability maps to "better than X % of the population".
     */
    public record ReferencePopulation(String source, int n, List<Double> quantiles) {
    }
}
