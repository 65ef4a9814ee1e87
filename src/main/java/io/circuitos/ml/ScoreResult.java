package io.circuitos.ml;

import java.util.List;

/** A model's answer for one case: probability 0–1, score 0–100 (percentile in the reference population). */
public record ScoreResult(String modelName, String modelVersion, double probability, double score,
                          List<FeatureContribution> topFeatures) {
}
