package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelVerdictTest {

    private static final Reliability CALIBRATED = new Reliability(List.of(), 0.03);
    private static final boolean[] HOLDOUT = new boolean[1000];

    static {
        for (int i = 0; i < 200; i++) {
            HOLDOUT[i] = true;
        }
    }

    @Test
    void aClearMarginIsSaidWithItsFigures() {
        String verdict = ModelVerdict.of("Weka default Logistic", metrics(0.78), metrics(0.76), CALIBRATED, List.of(), null, HOLDOUT);
        assertThat(verdict).startsWith("Beats Weka default Logistic by +0.0200 ROC AUC").contains("0.0300 (within 0.05)");
    }

    @Test
    void aThinMarginSaysWhyWithTheCeilingTheOtherLearnersAndTheHoldOutsPrecision() {
        String verdict = ModelVerdict.of("Weka default Logistic", metrics(0.765), metrics(0.76), new Reliability(List.of(), 0.07),
                List.of(new ModelMetadata.Alternative("weka.classifiers.meta.LogitBoost", metrics(0.762))), metrics(0.766), HOLDOUT);
        assertThat(verdict).startsWith("Does not beat Weka default Logistic by 0.015 ROC AUC: +0.0050")
                .contains("generator's own probabilities reach 0.7660").contains("0.0060 below that ceiling")
                .contains("best of the 1 other learners tried reached 0.7620 (weka.classifiers.meta.LogitBoost)")
                .contains("(1000 cases, 200 positive)").contains("wider than the margin sought")
                .contains("0.0700 (NOT within 0.05)");
    }

    private static ModelMetrics metrics(double auc) {
        return new ModelMetrics(auc, 0.4, 0.1, 1000);
    }
}
