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

    /**
     * @param holdoutReliability the hold-out by deciles of predicted probability: predicted beside observed
     * @param alsoTried          other learners trained on the same rows, on the same hold-out
     * @param groundTruthHoldout for generated data, the generator's own probabilities on the hold-out: the best any model can do
     * @param verdict            in words, with the figures: does it clearly beat its baseline, is it calibrated, and if not why
     */
    public record Metrics(ModelMetrics holdout, ModelMetrics crossValidation, int folds,
                          ModelMetrics baselineLogisticHoldout, Reliability holdoutReliability, List<Alternative> alsoTried,
                          ModelMetrics groundTruthHoldout, String verdict) {
    }

    public record Alternative(String algorithm, ModelMetrics holdout) {
    }

    /**
     * Sorted probabilities at evenly spaced percentiles (0 %, 0.1 %, ... 100 %) of the hold-out
     * predictions, so a probability maps to "better than X % of the population".
     */
    public record ReferencePopulation(String source, int n, List<Double> quantiles) {
    }
}
