package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.agents.lostopportunity.SampleOpportunities;
import io.circuitos.audit.metrics.DriftMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** The drift watch: the same data stays below the watch line, shifted data crosses the act line the alert rule uses. */
class DriftMonitorTest {

    /** A numeric feature uniform on 0–100 and a nominal one a:b:c = 60:30:10, as training rows. */
    private static Instances training() {
        ArrayList<Attribute> attributes = new ArrayList<>(List.of(new Attribute("amount"), new Attribute("plan", List.of("a", "b", "c")),
                new Attribute("label", List.of("no", "yes"))));
        Instances rows = new Instances("training", attributes, 0);
        rows.setClassIndex(2);
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            double plan = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
            rows.add(new DenseInstance(1, new double[] {random.nextDouble() * 100, plan, random.nextInt(2)}));
        }
        return rows;
    }

    private static ModelMetadata card(DriftBaseline baseline) {
        return new ModelMetadata("m", "1", null, null, List.of(), List.of(), null, null, null, null, null, Map.of(), null, baseline);
    }

    @Test
    void theTrainingDistributionIsStableAndAShiftedOneIsNot() {
        DriftBaseline baseline = DriftBaseline.of(training());
        assertThat(baseline.features().get("amount").edges()).hasSize(9);
        assertThat(baseline.features().get("plan").expected()).containsExactly(0.6, 0.3, 0.1, 0.0);
        DriftMonitor.Observer same = new DriftMonitor(1000, 200).observer(card(baseline));
        DriftMonitor.Observer shifted = new DriftMonitor(1000, 200).observer(card(baseline));
        Random random = new Random(2);
        for (int i = 0; i < 1000; i++) {
            same.add(Map.of("amount", random.nextDouble() * 100, "plan", i % 10 < 6 ? "a" : i % 10 < 9 ? "b" : "c"), random.nextDouble() * 100);
            shifted.add(Map.of("amount", 80 + random.nextDouble() * 40, "plan", i % 2 == 0 ? "c" : "new-plan"), 90 + random.nextDouble() * 10);
        }
        assertThat(same.psi("amount")).isLessThan(0.10);
        assertThat(same.psi("plan")).isLessThan(0.10);
        assertThat(same.psi(DriftMonitor.SCORE)).isLessThan(0.10);
        assertThat(shifted.psi("amount")).isGreaterThanOrEqualTo(0.25);
        assertThat(shifted.psi("plan")).as("a value the training never had counts against it").isGreaterThanOrEqualTo(0.25);
        assertThat(shifted.psi(DriftMonitor.SCORE)).isGreaterThanOrEqualTo(0.25);
    }

    @Test
    void aShippedModelFedOldContactsRaisesTheActConditionOnItsGaugeAndFewCasesSayNothing() {
        ModelRegistry registry = new ModelRegistry(Path.of("ml-models"), Duration.ofHours(1), Clock.systemUTC());
        LoadedModel model = registry.get("lost-opportunity-reactivation");
        DriftMonitor drift = new DriftMonitor(500, 200);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new DriftMetrics(drift, registry).bindTo(meters);
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            observe(drift, model, 88L + random.nextInt(10));
        }
        assertThat(gauge(meters, "age")).as("100 cases: not enough to say").isNaN();
        for (int i = 0; i < 300; i++) {
            observe(drift, model, 88L + random.nextInt(10));
        }
        assertThat(gauge(meters, "age")).as("the ModelDriftAct condition: circuitos_model_psi >= 0.25").isGreaterThanOrEqualTo(0.25);
        assertThat(meters.find("circuitos.model.psi").tags("model", "lost-opportunity-reactivation", "feature", DriftMonitor.SCORE).gauge())
                .isNotNull();
    }

    private static void observe(DriftMonitor drift, LoadedModel model, long age) {
        Map<String, Object> features = new HashMap<>(SampleOpportunities.high());
        features.put("age", age);
        drift.observe(model, features, model.score(features).score());
    }

    private static double gauge(SimpleMeterRegistry meters, String feature) {
        return meters.get("circuitos.model.psi").tags("model", "lost-opportunity-reactivation", "feature", feature).gauge().value();
    }
}
