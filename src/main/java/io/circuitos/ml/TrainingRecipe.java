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
        String generatedData) {

    public FeatureSpec feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + name + " in " + modelName));
    }
}
