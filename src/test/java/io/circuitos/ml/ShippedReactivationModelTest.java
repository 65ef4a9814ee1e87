package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.circuitos.agents.lostopportunity.SampleOpportunities;
import java.nio.file.Files;
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
import weka.classifiers.functions.Logistic;
import weka.core.Instances;

/**
 * The model shipped in {@code ml-models/lost-opportunity-reactivation}: rebuilt hold-out from the
 * public data set, compared with Weka's default Logistic on the same features; scoring is
 * thread-safe; the sample opportunities used by the process tests land in the bands they claim.
 */
class ShippedReactivationModelTest {

    static final Path DATA = Path.of("../shared/datasets/bank-marketing-additional-full.csv");
    private static LoadedModel model;

    @BeforeAll
    static void load() {
        model = new ModelRegistry(Path.of("ml-models"), Duration.ofMinutes(1), Clock.systemUTC()).get("lost-opportunity-reactivation");
    }

    @Test
    void beatsDefaultLogisticOnTheHoldOutItNeverSaw() throws Exception {
        if (!Files.isRegularFile(DATA)) {
            fail("the bank marketing data set is needed at " + DATA.toAbsolutePath()
                    + " (UCI #222, bank-additional-full.csv; see README 'Training the models')");
        }
        assertThat(model.metadata().trainingData().sha256()).as("model trained on this exact file").isEqualTo(ModelTrainer.sha256(DATA));
        Instances data = DatasetLoader.load(DATA, TrainingRecipes.LOST_OPPORTUNITY_REACTIVATION);
        data.randomize(new Random(ModelTrainer.SEED));
        data.stratify(ModelTrainer.HOLDOUT_FOLDS);
        Instances training = data.trainCV(ModelTrainer.HOLDOUT_FOLDS, 0);
        Instances holdout = data.testCV(ModelTrainer.HOLDOUT_FOLDS, 0);
        assertThat(holdout.numInstances()).isEqualTo(model.metadata().trainingData().holdoutRows());

        boolean[] positives = new boolean[holdout.numInstances()];
        double[] shipped = new double[holdout.numInstances()];
        for (int i = 0; i < shipped.length; i++) {
            positives[i] = holdout.instance(i).classValue() == 1;
            shipped[i] = model.probability(features(holdout, i));
        }
        Logistic logistic = new Logistic();
        logistic.buildClassifier(training);
        ModelMetrics ours = ModelMetrics.of(shipped, positives);
        ModelMetrics baseline = ModelMetrics.of(ModelTrainer.predict(logistic, holdout), positives);

        assertThat(ours.rocAuc()).isGreaterThan(baseline.rocAuc()).isEqualTo(model.metadata().metrics().holdout().rocAuc());
        assertThat(ours.brier()).isLessThanOrEqualTo(baseline.brier());
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

    private static Map<String, Object> features(Instances rows, int i) {
        Map<String, Object> features = new HashMap<>();
        for (int a = 0; a < rows.numAttributes(); a++) {
            if (a != rows.classIndex() && !rows.instance(i).isMissing(a)) {
                features.put(rows.attribute(a).name(), rows.attribute(a).isNumeric()
                        ? rows.instance(i).value(a) : rows.instance(i).stringValue(a));
            }
        }
        return features;
    }
}
