package io.circuitos.ml;

/**
 * How much one feature moved the probability. For a model that explains its cases (gradient-boosted trees:
 * TreeSHAP) it is measured against the average case and {@code typicalValue} is null; for the others it is the
 * score with the case's value minus the score with the population's typical value (median or most frequent),
 * everything else unchanged.
 */
public record FeatureContribution(String feature, Object value, Object typicalValue, double contribution) {

    /** How the trail and redaction read one contribution back: groups feature, value, contribution and typical value (absent for SHAP). */
    public static final String PATTERN = "(\\w+)=(.*?) \\(([+-][0-9.]+) vs (?:typical (.*?)|the average case)\\)";

    @Override
    public String toString() {
        return typicalValue == null
                ? String.format(java.util.Locale.ROOT, "%s=%s (%+.3f vs the average case)", feature, value, contribution)
                : String.format(java.util.Locale.ROOT, "%s=%s (%+.3f vs typical %s)", feature, value, contribution, typicalValue);
    }
}
