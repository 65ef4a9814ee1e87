package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void cutsTheCasesIntoTenEqualGroupsByPredictionAndComparesEachWithWhatHappened() {
        double[] probabilities = new double[100];
        boolean[] positives = new boolean[100];
        for (int i = 0; i < 100; i++) {
            probabilities[i] = (99 - i) / 100.0; // reversed, so sorting matters
            positives[i] = (99 - i) >= 90; // only the top decile is positive
        }
        Reliability reliability = Reliability.of(probabilities, positives);
        assertThat(reliability.deciles()).hasSize(10).extracting(Reliability.Decile::cases).containsOnly(10);
        Reliability.Decile top = reliability.deciles().get(9);
        assertThat(top.meanPredicted()).isEqualTo(0.945);
        assertThat(top.observed()).isEqualTo(1.0);
        assertThat(top.gap()).isEqualTo(0.055);
        assertThat(reliability.deciles().get(0).gap()).isEqualTo(-0.045);
        assertThat(reliability.largestGap()).isEqualTo(0.845); // decile 9: predicts 0.845, none positive
    }

    @Test
    void fewerCasesThanDecilesStillMakeATable() {
        Reliability reliability = Reliability.of(new double[] {0.2, 0.8}, new boolean[] {false, true});
        assertThat(reliability.deciles()).extracting(Reliability.Decile::cases).isEqualTo(List.of(1, 1));
        assertThat(reliability.largestGap()).isEqualTo(0.2);
    }
}
