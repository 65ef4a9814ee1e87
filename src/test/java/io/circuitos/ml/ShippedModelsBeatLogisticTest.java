package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.classifiers.functions.Logistic;
import weka.core.Instances;

/**
 * Every shipped model trained on a public data set, re-checked on every build: the hold-out is
 * rebuilt from the data set with the training split, and the shipped model must beat Weka's default
 * Logistic trained on the same features and rows (ROC AUC, and Brier no worse).
 */
class ShippedModelsBeatLogisticTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lost-opportunity-reactivation, ../shared/datasets/bank-marketing-additional-full.csv",
            "win-back-churn, ../shared/datasets/telco-customer-churn.csv"})
    void beatsDefaultLogisticOnTheHoldOutItNeverSaw(String modelName, Path data) throws Exception {
        if (!Files.isRegularFile(data)) {
            fail("the public data set is needed at " + data.toAbsolutePath() + " (see README 'The ML layer' for where to download it)");
        }
        LoadedModel model = new ModelRegistry(Path.of("ml-models"), Duration.ofMinutes(1), Clock.systemUTC()).get(modelName);
        TrainingRecipe recipe = TrainingRecipes.byName(modelName).orElseThrow();
        assertThat(model.metadata().trainingData().sha256()).as("model trained on this exact file").isEqualTo(ModelTrainer.sha256(data));
        Instances rows = DatasetLoader.load(data, recipe);
        rows.randomize(new Random(ModelTrainer.SEED));
        rows.stratify(ModelTrainer.HOLDOUT_FOLDS);
        Instances training = rows.trainCV(ModelTrainer.HOLDOUT_FOLDS, 0);
        Instances holdout = rows.testCV(ModelTrainer.HOLDOUT_FOLDS, 0);
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

    static Map<String, Object> features(Instances rows, int i) {
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
