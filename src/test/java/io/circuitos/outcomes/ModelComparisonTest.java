package io.circuitos.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The comparison's arithmetic on cases whose answers are known by hand. */
class ModelComparisonTest {

    private static RunOutcome labelled(String version, double probability, boolean positive) {
        return new RunOutcome("p" + probability + positive + Math.random(), "lost-opportunity", "k", positive ? "won" : "lost", positive,
                "m", version, probability, probability * 100, "opportunity.won", Instant.EPOCH);
    }

    @Test
    void aPerfectRankingHasAucOneAndEqualScoresHalf() {
        List<RunOutcome> perfect = List.of(labelled("v1", 0.9, true), labelled("v1", 0.8, true), labelled("v1", 0.2, false), labelled("v1", 0.1, false));
        assertThat(ModelComparison.auc(perfect)).isEqualTo(1.0);
        List<RunOutcome> tied = List.of(labelled("v1", 0.5, true), labelled("v1", 0.5, false));
        assertThat(ModelComparison.auc(tied)).isEqualTo(0.5);
        List<RunOutcome> oneSwap = List.of(labelled("v1", 0.9, true), labelled("v1", 0.3, true), labelled("v1", 0.5, false), labelled("v1", 0.1, false));
        assertThat(ModelComparison.auc(oneSwap)).as("3 of 4 positive-negative pairs in order").isEqualTo(0.75);
    }

    @Test
    void brierReliabilityAndLiftAreWhatTheCasesSay() {
        List<RunOutcome> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cases.add(labelled("v1", 0.95, i < 9)); // 9 of 10 at 0.95 won
            cases.add(labelled("v1", 0.05, i < 1)); // 1 of 10 at 0.05 won
        }
        ModelComparison.Version version = ModelComparison.of("m", cases).versions().get(0);
        assertThat(version.cases()).isEqualTo(20);
        assertThat(version.positives()).isEqualTo(10);
        assertThat(version.brier()).isEqualTo((9 * 0.0025 + 0.9025 + 0.9025 + 9 * 0.0025) / 20, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(version.reliability().get(9)).satisfies(bin -> {
            assertThat(bin.cases()).isEqualTo(10);
            assertThat(bin.observed()).isEqualTo(0.9);
        });
        assertThat(version.reliability().get(0).observed()).isEqualTo(0.1);
        assertThat(version.reliability().get(5).cases()).isZero();
        assertThat(version.liftTopDecile()).as("the top two cases are both won: 1.0 over a base rate of 0.5").isEqualTo(2.0);
        assertThat(version.rocAucLow()).isLessThan(version.rocAuc());
        assertThat(version.rocAucHigh()).isGreaterThan(version.rocAuc());
    }

    @Test
    void theIntervalNarrowsWithMoreCasesAndEachVersionIsReportedApart() {
        Random random = new Random(7);
        List<RunOutcome> cases = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double p = random.nextDouble();
            cases.add(labelled(i < 200 ? "small" : "large", p, random.nextDouble() < p));
        }
        ModelComparison.Report report = ModelComparison.of("m", cases);
        assertThat(report.labelledCases()).isEqualTo(2000);
        assertThat(report.versions()).extracting(ModelComparison.Version::version).containsExactly("small", "large");
        ModelComparison.Version small = report.versions().get(0);
        ModelComparison.Version large = report.versions().get(1);
        assertThat(large.rocAucHigh() - large.rocAucLow()).isLessThan(small.rocAucHigh() - small.rocAucLow());
        assertThat(large.rocAuc()).as("a calibrated score's AUC: about 0.83").isBetween(0.79, 0.87);
    }

    @Test
    void aVersionWithOneOutcomeOnlySaysWhyItHasNoAuc() {
        ModelComparison.Version version = ModelComparison.of("m", List.of(labelled("v1", 0.7, true), labelled("v1", 0.6, true)))
                .versions().get(0);
        assertThat(version.rocAuc()).isNull();
        assertThat(version.note()).isEqualTo("ROC AUC and lift need cases of both outcomes: 2 of 2 are positive");
    }
}
