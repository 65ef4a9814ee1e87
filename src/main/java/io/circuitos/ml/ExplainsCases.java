package io.circuitos.ml;

import weka.core.Instance;

/**
 * A classifier that says exactly how much each attribute pushed one case's score (for trees: TreeSHAP),
 * instead of circuitos estimating it by swapping in typical values.
 */
public interface ExplainsCases {

    /**
     * Each attribute's contribution to the case's log-odds, indexed like the attributes (the class
     * attribute's is 0), and the bias, the log-odds of the average case, as the last element.
     */
    double[] logOddsContributions(Instance instance) throws Exception;

    /** False when it only passes on a model that cannot explain (a calibration around any classifier). */
    default boolean explains() {
        return true;
    }
}
