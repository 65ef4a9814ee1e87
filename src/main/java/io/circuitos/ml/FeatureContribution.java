package io.circuitos.ml;

/**
 * How much one feature moved the probability: the score with the prospect's value minus the score
 * with the population's typical value (median or most frequent), everything else unchanged.
 */
public record FeatureContribution(String feature, Object value, Object typicalValue, double contribution) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s=%s (%+.3f vs typical %s)", feature, value, contribution, typicalValue);
    }
}
