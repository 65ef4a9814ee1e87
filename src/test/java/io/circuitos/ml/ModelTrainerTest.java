package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on generated data whose ground truth is known: artifacts, hold-out, metrics, scoring, hot reload. */
class ModelTrainerTest {

    static final TrainingRecipe RECIPE = new TrainingRecipe("synthetic-test", "generated for tests", ',',
            List.of(FeatureSpec.numeric("signal", "signal"), FeatureSpec.nominal("colour", "colour", "?"),
                    FeatureSpec.numeric("noise", "noise", "NA")),
            "converted", "yes", "weka.classifiers.functions.Logistic", new String[0], "test data from generate()");

    @TempDir
    Path tmp;

    /** label = yes when signal + a little noise > 1, and red helps; "noise" carries no information. */
    static Path generate(Path dir, int rows, long seed) throws Exception {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("signal,colour,noise,converted"));
        for (int i = 0; i < rows; i++) {
            double signal = random.nextGaussian();
            String colour = List.of("red", "green", "blue").get(random.nextInt(3));
            boolean yes = signal + (colour.equals("red") ? 0.8 : 0) + random.nextGaussian() * 0.5 > 1;
            String noise = random.nextInt(10) == 0 ? "NA" : Double.toString(random.nextGaussian());
            lines.add(signal + "," + (random.nextInt(20) == 0 ? "?" : colour) + "," + noise + "," + (yes ? "yes" : "no"));
        }
        Path csv = dir.resolve("synthetic.csv");
        Files.write(csv, lines);
        return csv;
    }

    @Test
    void trainsOnTheTrainingPartOnlyAndWritesTheModelDirectory() throws Exception {
        Path csv = generate(tmp, 2000, 7);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ModelMetadata m = new ModelTrainer(new PrintStream(progress), Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC))
                .train(RECIPE, csv, tmp.resolve("out"));

        assertThat(tmp.resolve("out")).isDirectoryContaining("glob:**/model.bin").isDirectoryContaining("glob:**/model.json")
                .isDirectoryContaining("glob:**/evaluation.md").isDirectoryContaining("glob:**/roc.png");
        assertThat(m.version()).isEqualTo("20261121.100000");
        assertThat(m.trainingData().rows()).isEqualTo(2000);
        assertThat(m.trainingData().holdoutRows()).isEqualTo(400);
        assertThat(m.trainingData().trainingRows() + m.trainingData().holdoutRows()).isEqualTo(2000);
        assertThat(m.trainingData().sha256()).isEqualTo(ModelTrainer.sha256(csv)).hasSize(64);
        assertThat(m.metrics().holdout().n()).isEqualTo(400);
        assertThat(m.metrics().holdout().rocAuc()).isGreaterThan(0.85);
        assertThat(m.metrics().holdout().brier()).isBetween(0.0, 0.2);
        assertThat(m.metrics().crossValidation().n()).isEqualTo(1600);
        assertThat(m.referencePopulation().quantiles()).hasSize(1001).isSorted();
        assertThat(m.features()).extracting(ModelMetadata.Feature::name).containsExactly("signal", "colour", "noise");
        assertThat(progress.toString()).contains("100%").contains("cross-validation fold 5/5");
        assertThat(Files.readString(tmp.resolve("out/evaluation.md"))).contains("| hold-out, this model | 400 |");
        assertThat(Files.size(tmp.resolve("out/roc.png"))).isGreaterThan(1000);
    }

    @Test
    void scoresAsPercentileOfTheReferencePopulationAndExplainsTheScore() throws Exception {
        new ModelTrainer(new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC())
                .train(RECIPE, generate(tmp, 2000, 7), tmp.resolve(RECIPE.modelName()));
        ModelRegistry registry = new ModelRegistry(tmp, Duration.ofMinutes(1), Clock.systemUTC());
        LoadedModel model = registry.get(RECIPE.modelName());

        ScoreResult strong = model.score(Map.of("signal", 2.5, "colour", "red", "noise", 0.1));
        ScoreResult weak = model.score(Map.of("signal", -2.0, "colour", "blue"));
        assertThat(strong.probability()).isGreaterThan(0.9);
        assertThat(strong.score()).isGreaterThan(90);
        assertThat(weak.score()).isLessThan(20);
        assertThat(strong.topFeatures()).isNotEmpty();
        assertThat(strong.topFeatures().get(0).feature()).isEqualTo("signal");
        assertThat(model.score(Map.of("colour", "purple", "signal", "not a number")).probability())
                .as("unknown categories and unparseable numbers count as missing").isBetween(0.0, 1.0);
        double[] quantiles = model.metadata().referencePopulation().quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(model.percentile(quantiles[800])).isBetween(79.0, 81.0);
        assertThat(model.percentile(-1)).isZero();
        assertThat(model.percentile(2)).isEqualTo(100);
    }

    @Test
    void aNewVersionDroppedInIsPickedUpWithoutRestart() throws Exception {
        Path csv = generate(tmp, 1000, 3);
        Path dir = tmp.resolve("models");
        Path modelDir = dir.resolve(RECIPE.modelName());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        new ModelTrainer(quiet, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).train(RECIPE, csv, modelDir);
        ModelRegistry registry = new ModelRegistry(dir, Duration.ZERO, Clock.systemUTC());
        assertThat(registry.get(RECIPE.modelName()).metadata().version()).isEqualTo("20260101.000000");

        new ModelTrainer(quiet, Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC)).train(RECIPE, csv, modelDir);
        Files.setLastModifiedTime(modelDir.resolve("model.json"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(registry.get(RECIPE.modelName()).metadata().version()).isEqualTo("20260201.000000");
    }

    @Test
    void aBrokenNewVersionKeepsTheLoadedOne() throws Exception {
        Path dir = tmp.resolve("models");
        Path modelDir = dir.resolve(RECIPE.modelName());
        new ModelTrainer(new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC()).train(RECIPE, generate(tmp, 1000, 3), modelDir);
        ModelRegistry registry = new ModelRegistry(dir, Duration.ZERO, Clock.systemUTC());
        String version = registry.get(RECIPE.modelName()).metadata().version();

        Files.writeString(modelDir.resolve("model.json"), "{ not json");
        Files.setLastModifiedTime(modelDir.resolve("model.json"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(registry.get(RECIPE.modelName()).metadata().version()).isEqualTo(version);
    }
}
