package io.circuitos.ml;

import java.util.List;

/**
 * How a model is trained from a CSV file: which columns become which features, which column is
 * the label and which of its values is the positive class, and which Weka classifier to build.
 * {@code generatedData} is null for real data, else how the data was generated (it goes on the model card), and
 * {@code groundTruth} then gives each row's true probability, the best any model could score. {@code alsoTried} are
 * the other learners (Weka command lines) the trainer measures on the same hold-out, for the model card.
 */
public record TrainingRecipe(
        String modelName,
        String description,
        char delimiter,
        List<FeatureSpec> features,
        String labelColumn,
        String positiveValue,
        String classifier,
        String[] classifierOptions,
        String generatedData,
        String alsoPositiveColumn,
        String alsoPositiveValue,
        String baselineClassifier,
        String[] baselineOptions,
        List<String> alsoTried,
        java.util.function.ToDoubleFunction<java.util.function.Function<String, Object>> groundTruth) {

    /** Weka's default Logistic is the baseline every model must beat unless the recipe names another. */
    public static final String DEFAULT_BASELINE = "weka.classifiers.functions.Logistic";

    public TrainingRecipe(String modelName, String description, char delimiter, List<FeatureSpec> features, String labelColumn,
                          String positiveValue, String classifier, String[] classifierOptions, String generatedData) {
        this(modelName, description, delimiter, features, labelColumn, positiveValue, classifier, classifierOptions, generatedData,
                null, null, DEFAULT_BASELINE, new String[0], List.of(), null);
    }

    /** The same recipe, measuring these other learners on the hold-out too. */
    public TrainingRecipe alsoTrying(String... commandLines) {
        return new TrainingRecipe(modelName, description, delimiter, features, labelColumn, positiveValue, classifier, classifierOptions,
                generatedData, alsoPositiveColumn, alsoPositiveValue, baselineClassifier, baselineOptions, List.of(commandLines), groundTruth);
    }

    /** The same recipe for generated data whose true probability of each row (by feature name) is known. */
    public TrainingRecipe withGroundTruth(java.util.function.ToDoubleFunction<java.util.function.Function<String, Object>> truth) {
        return new TrainingRecipe(modelName, description, delimiter, features, labelColumn, positiveValue, classifier, classifierOptions,
                generatedData, alsoPositiveColumn, alsoPositiveValue, baselineClassifier, baselineOptions, alsoTried, truth);
    }

    /**
     * Positive when {@code labelColumn} holds one of the values of {@code positiveValue} (separated by
     * {@code " | "}), or {@code alsoPositiveColumn} holds {@code alsoPositiveValue}.
     */
    public boolean isPositive(java.util.function.UnaryOperator<String> column) {
        String label = column.apply(labelColumn);
        boolean positive = label != null && java.util.Arrays.stream(positiveValue.split(" \\| ")).anyMatch(v -> v.equals(label.trim()));
        return positive || (alsoPositiveColumn != null && alsoPositiveValue.equals(String.valueOf(column.apply(alsoPositiveColumn)).trim()));
    }

    public String baselineDescription() {
        return DEFAULT_BASELINE.equals(baselineClassifier) ? "Weka default Logistic"
                : baselineClassifier.substring(baselineClassifier.lastIndexOf('.') + 1) + " " + String.join(" ", baselineOptions);
    }

    public String labelDescription() {
        return alsoPositiveColumn == null ? positiveValue : positiveValue + "`, or `" + alsoPositiveColumn + "` = `" + alsoPositiveValue;
    }

    public FeatureSpec feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + name + " in " + modelName));
    }
}
