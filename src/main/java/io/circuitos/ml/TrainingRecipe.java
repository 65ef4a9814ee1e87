package io.circuitos.ml;

import java.util.List;

/**
 * How a model is trained from a CSV file: which columns become which features, which column is
 * the label and which of its values is the positive class, and which Weka classifier to build.
 * {@code generatedData} is null for real data, else how the data was generated (it goes on the model card).
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
        String[] baselineOptions) {

    /** Weka's default Logistic is the baseline every model must beat unless the recipe names another. */
    public static final String DEFAULT_BASELINE = "weka.classifiers.functions.Logistic";

    public TrainingRecipe(String modelName, String description, char delimiter, List<FeatureSpec> features, String labelColumn,
                          String positiveValue, String classifier, String[] classifierOptions, String generatedData) {
        this(modelName, description, delimiter, features, labelColumn, positiveValue, classifier, classifierOptions, generatedData,
                null, null, DEFAULT_BASELINE, new String[0]);
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
