package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;

/** XGBoost inside Weka: it learns, survives serialization, explains each case exactly, and its calibration holds on unseen rows. */
class GradientBoostedTreesTest {

    @TempDir
    Path tmp;

    private Instances rows(int n, long seed) throws Exception {
        return DatasetLoader.load(List.of(ModelTrainerTest.generate(tmp, n, seed)), ModelTrainerTest.RECIPE);
    }

    @Test
    void learnsTheSignalAndScoresTheSameAfterSerialization() throws Exception {
        Instances training = rows(3000, 7);
        Instances test = rows(1000, 8);
        GradientBoostedTrees trees = new GradientBoostedTrees();
        trees.setOptions(new String[] {"-rounds", "150", "-depth", "3"});
        trees.buildClassifier(training);

        double[] probabilities = ModelTrainer.predict(trees, test);
        assertThat(ModelMetrics.of(probabilities, positives(test)).rocAuc()).isGreaterThan(0.9);
        Classifier copy = AbstractClassifier.makeCopy(trees); // what every scoring thread gets
        assertThat(ModelTrainer.predict(copy, test)).containsExactly(probabilities, within(1e-6));
    }

    @Test
    void contributionsAddUpToTheCaseLogOddsAndPointTheRightWay() throws Exception {
        GradientBoostedTrees trees = new GradientBoostedTrees();
        trees.buildClassifier(rows(3000, 7));
        Instances test = rows(200, 9);
        int signal = test.attribute("signal").index();
        for (int i = 0; i < test.numInstances(); i++) {
            Instance row = test.instance(i);
            double[] contributions = trees.logOddsContributions(row);
            double p = trees.distributionForInstance(row)[1];
            double sum = java.util.Arrays.stream(contributions).sum();
            assertThat(sum).as("TreeSHAP: bias + contributions = the case's log-odds").isCloseTo(Math.log(p / (1 - p)), within(1e-3));
            assertThat(contributions[test.classIndex()]).isZero();
            if (!row.isMissing(signal) && row.value(signal) > 2) {
                assertThat(contributions[signal]).as("a strong signal pushes up").isPositive();
            }
        }
    }

    @Test
    void missingValuesAreScoredNotRefused() throws Exception {
        GradientBoostedTrees trees = new GradientBoostedTrees();
        Instances training = rows(2000, 7);
        trees.buildClassifier(training);
        Instance empty = new weka.core.DenseInstance(training.numAttributes());
        empty.setDataset(training);
        assertThat(trees.distributionForInstance(empty)[1]).isBetween(0.0, 1.0);
    }

    /** Logistic, made three times too sure of itself: a known, monotone distortion that Platt scaling should undo. */
    public static class Overconfident extends weka.classifiers.functions.Logistic {
        @Override
        public double[] distributionForInstance(Instance instance) throws Exception {
            double p = super.distributionForInstance(instance)[1];
            double sure = 1 / (1 + Math.exp(-3 * Math.log(p / (1 - p))));
            return new double[] {1 - sure, sure};
        }
    }

    @Test
    void plattCalibrationBringsAnOverconfidentModelsDecilesToTheObservedRates() throws Exception {
        Instances training = rows(3000, 7);
        Instances test = rows(3000, 8);
        Overconfident raw = new Overconfident();
        raw.buildClassifier(training);
        CalibratedClassifier calibrated = new CalibratedClassifier();
        calibrated.setOptions(new String[] {"-W", Overconfident.class.getName()});
        calibrated.buildClassifier(training);

        boolean[] positives = positives(test);
        Reliability before = Reliability.of(ModelTrainer.predict(raw, test), positives);
        Reliability after = Reliability.of(ModelTrainer.predict(calibrated, test), positives);
        assertThat(before.largestGap()).as("overconfident").isGreaterThan(0.05);
        assertThat(after.largestGap()).isLessThan(before.largestGap()).isLessThanOrEqualTo(0.05);
        assertThat(ModelMetrics.of(ModelTrainer.predict(calibrated, test), positives).rocAuc())
                .as("Platt is monotone: the ranking is kept").isCloseTo(ModelMetrics.of(ModelTrainer.predict(raw, test), positives).rocAuc(), within(0.002));
    }

    @Test
    void aShippedStyleModelExplainsEachCaseAgainstTheAverageCase() throws Exception {
        TrainingRecipe recipe = new TrainingRecipe("synthetic-trees", "generated for tests", ',', ModelTrainerTest.RECIPE.features(),
                "converted", "yes", CalibratedClassifier.class.getName(),
                new String[] {"-W", GradientBoostedTrees.class.getName(), "--", "-rounds", "100"}, "test data");
        new ModelTrainer(new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC())
                .train(recipe, ModelTrainerTest.generate(tmp, 2000, 7), tmp.resolve("models/" + recipe.modelName()));
        LoadedModel model = new ModelRegistry(tmp.resolve("models"), Duration.ofMinutes(1), Clock.systemUTC()).get(recipe.modelName());

        Map<String, Object> strong = new HashMap<>(Map.of("signal", 2.5, "colour", "red", "noise", 0.1));
        ScoreResult score = model.score(strong);
        assertThat(score.topFeatures()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.typicalValue()).isNull();
            assertThat(f.contribution()).isPositive().isLessThanOrEqualTo(score.probability());
            assertThat(f.toString()).matches(FeatureContribution.PATTERN).contains("vs the average case");
        });
        assertThat(score.topFeatures().get(0).feature()).isEqualTo("signal");
        assertThat(Files.readString(tmp.resolve("models/" + recipe.modelName() + "/evaluation.md")))
                .contains("## Reliability on the hold-out").contains("**Verdict.**");
        assertThat(tmp.resolve("models/" + recipe.modelName() + "/reliability.png")).isNotEmptyFile();
    }

    private static boolean[] positives(Instances data) {
        boolean[] positives = new boolean[data.numInstances()];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = data.instance(i).classValue() == 1;
        }
        return positives;
    }
}
