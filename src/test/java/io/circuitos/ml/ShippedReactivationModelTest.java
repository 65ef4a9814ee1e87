package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.agents.lostopportunity.SampleOpportunities;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model shipped in {@code ml-models/lost-opportunity-reactivation}: only CRM features, scoring is
 * thread-safe, and the sample opportunities used by the process tests land in the bands they claim.
 * (Its hold-out comparison with Logistic is in {@link ShippedModelsBeatLogisticTest}.)
 */
class ShippedReactivationModelTest {

    private static LoadedModel model;

    @BeforeAll
    static void load() {
        model = new ModelRegistry(Path.of("ml-models"), Duration.ofMinutes(1), Clock.systemUTC()).get("lost-opportunity-reactivation");
    }

    @Test
    void neverUsesCallDurationOrMacroEconomicColumns() {
        assertThat(model.metadata().features()).extracting(ModelMetadata.Feature::column)
                .doesNotContain("duration", "emp.var.rate", "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed");
    }

    @Test
    void sampleOpportunitiesLandInTheBandsTheProcessTestsUse() {
        assertThat(model.score(SampleOpportunities.urgent()).score()).isGreaterThanOrEqualTo(80);
        assertThat(model.score(SampleOpportunities.high()).score()).isGreaterThanOrEqualTo(60).isLessThan(80);
        assertThat(model.score(SampleOpportunities.ignore()).score()).isLessThan(60);
    }

    @Test
    void concurrentScoringGivesTheSameAnswersAsSequentialScoring() throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 400; i++) {
            Map<String, Object> c = new HashMap<>(List.of(SampleOpportunities.urgent(), SampleOpportunities.high(),
                    SampleOpportunities.ignore()).get(i % 3));
            c.put("age", 20L + random.nextInt(60));
            c.put("contactsThisCampaign", (long) random.nextInt(8));
            cases.add(c);
        }
        List<Double> sequential = cases.stream().map(c -> model.score(c).probability()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Double>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<List<Double>> run = () -> cases.stream().map(c -> model.score(c).probability()).toList();
                runs.add(pool.submit(run));
            }
            for (Future<List<Double>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
