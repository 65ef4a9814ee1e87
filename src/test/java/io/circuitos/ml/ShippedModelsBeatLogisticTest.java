package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Every shipped model, re-checked on every build against the data its card names: the hold-out is rebuilt with the
 * training split and the card's figures must be what the model does on it. Each model beats its baseline (Weka's
 * default Logistic on the same features) by {@value ModelVerdict#CLEAR_MARGIN} ROC AUC, or its card's verdict says
 * why not with figures this test measures again; every decile is calibrated within {@value ModelVerdict#CALIBRATED_WITHIN};
 * a model on tabular data explains each case with its own contributions.
 */
class ShippedModelsBeatLogisticTest {

    @TempDir
    static Path generated;

    static Stream<String> shippedModels() {
        return ModelRegistry.shippedNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedModels")
    void beatsLogisticOrSaysWhyWithFiguresAndIsCalibratedOnTheHoldOutItNeverSaw(String modelName) throws Exception {
        LoadedModel model = new ModelRegistry(Path.of("ml-models"), Duration.ofMinutes(1), Clock.systemUTC()).get(modelName);
        ModelMetadata card = model.metadata();
        TrainingRecipe recipe = TrainingRecipes.byName(modelName).orElseThrow(() -> new AssertionError(modelName + " has no recipe"));
        List<Path> data = dataOf(card);
        assertThat(card.trainingData().sha256()).as("model trained on this exact data").isEqualTo(ModelTrainer.sha256(data));
        Instances rows = DatasetLoader.load(data, recipe);
        Instances training = ModelTrainer.trainingPart(rows);
        Instances holdout = rows.testCV(ModelTrainer.HOLDOUT_FOLDS, 0);
        assertThat(holdout.numInstances()).isEqualTo(card.trainingData().holdoutRows());

        boolean[] positives = new boolean[holdout.numInstances()];
        double[] shipped = new double[holdout.numInstances()];
        for (int i = 0; i < shipped.length; i++) {
            positives[i] = holdout.instance(i).classValue() == 1;
            shipped[i] = model.probability(features(holdout, i));
        }
        Classifier baselineModel = ModelTrainer.newBaseline(recipe);
        baselineModel.buildClassifier(training);
        ModelMetrics ours = ModelMetrics.of(shipped, positives);
        ModelMetrics baseline = ModelMetrics.of(ModelTrainer.predict(baselineModel, holdout), positives);
        Reliability reliability = Reliability.of(shipped, positives);
        ModelMetrics groundTruth = recipe.groundTruth() == null ? null : ModelMetrics.of(ModelTrainer.groundTruth(recipe, holdout), positives);

        assertThat(ours).isEqualTo(card.metrics().holdout());
        assertThat(baseline).isEqualTo(card.metrics().baselineLogisticHoldout());
        assertThat(groundTruth).isEqualTo(card.metrics().groundTruthHoldout());
        assertThat(ours.rocAuc()).isGreaterThan(baseline.rocAuc());
        assertThat(ours.brier()).isLessThanOrEqualTo(baseline.brier());
        assertThat(card.metrics().verdict()).as("the verdict is the one these measured figures give")
                .isEqualTo(ModelVerdict.of(recipe.baselineDescription(), ours, baseline, reliability, card.metrics().alsoTried(), groundTruth, positives));
        if (ours.rocAuc() - baseline.rocAuc() < ModelVerdict.CLEAR_MARGIN) {
            assertThat(card.metrics().verdict()).startsWith("Does not beat").contains("wider than the margin sought");
            assertThat(Files.readString(Path.of("ml-models", modelName, "evaluation.md"))).contains(card.metrics().verdict());
        }
        assertThat(reliability.largestGap()).as("every decile within " + ModelVerdict.CALIBRATED_WITHIN).isLessThanOrEqualTo(ModelVerdict.CALIBRATED_WITHIN);
        assertThat(reliability).isEqualTo(card.metrics().holdoutReliability());
        if (!holdout.checkForStringAttributes()) {
            for (int i = 0; i < 20; i++) {
                assertThat(model.score(features(holdout, i)).topFeatures()).as("its own contributions, against the average case")
                        .allSatisfy(feature -> assertThat(feature.typicalValue()).isNull());
            }
        }
    }

    /** The files the card names, from {@code data/}; generated data is generated again with the same rows and seed. */
    private static List<Path> dataOf(ModelMetadata card) throws Exception {
        if (card.trainingData().generated() != null) {
            Path csv = generated.resolve(card.trainingData().file());
            if (!Files.exists(csv)) {
                LicensingDataGenerator.write(csv, card.trainingData().rows(), 1);
            }
            return List.of(csv);
        }
        List<Path> data = Arrays.stream(card.trainingData().file().split(" \\+ ")).map(file -> Path.of("data", file.trim())).toList();
        for (Path file : data) {
            if (!Files.isRegularFile(file)) {
                fail("the public data set is needed at " + file.toAbsolutePath() + " (see README 'The ML layer' for where to download it)");
            }
        }
        return data;
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
