package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Every shipped model trained on a public data set, re-checked on every build: the hold-out is
 * rebuilt from the data set with the training split, and the shipped model must beat its baseline
 * (Weka's default Logistic, or for text the data README's reference, multinomial NaiveBayes on
 * TF-IDF) trained on the same features and rows (ROC AUC, and Brier no worse).
 */
class ShippedModelsBeatLogisticTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lost-opportunity-reactivation, data/bank-marketing-additional-full.csv",
            "win-back-churn, data/telco-customer-churn.csv",
            "support-escalation-risk, 'data/cfpb-complaints-loans-2023.csv,data/cfpb-complaints-sample-2015-2020.csv'"})
    void beatsItsBaselineOnTheHoldOutItNeverSaw(String modelName, String dataFiles) throws Exception {
        List<Path> data = java.util.Arrays.stream(dataFiles.split(",")).map(Path::of).toList();
        for (Path file : data) {
            if (!Files.isRegularFile(file)) {
                fail("the public data set is needed at " + file.toAbsolutePath() + " (see README 'The ML layer' for where to download it)");
            }
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
        Classifier baselineModel = ModelTrainer.newBaseline(recipe); // Weka's default Logistic, or the recipe's reference
        baselineModel.buildClassifier(training);
        ModelMetrics ours = ModelMetrics.of(shipped, positives);
        ModelMetrics baseline = ModelMetrics.of(ModelTrainer.predict(baselineModel, holdout), positives);

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
