package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retraining on labelled production cases: trained on the public rows and the older cases, tested on the newest fifth of the
 * cases (never on what it learned from), written as a challenger the registry scores in shadow.
 */
class RetrainingOnProductionCasesTest {

    @TempDir
    Path work;

    private static TrainingRecipe recipe() {
        return TrainingRecipes.byName("licensing-conversion").orElseThrow();
    }

    /** Generated applications as the public data; the last rows of another generation as the production cases, oldest first. */
    private Path production(int cases) throws Exception {
        Path generated = work.resolve("more.csv");
        LicensingDataGenerator.write(generated, cases, 7);
        List<String> lines = Files.readAllLines(generated);
        StringBuilder csv = new StringBuilder(lines.get(0)).append(",outcomeRecordedAt\n");
        for (int i = 1; i < lines.size(); i++) {
            csv.append(lines.get(i)).append(",2026-11-").append(String.format("%02d", 1 + i % 28)).append("T10:00:00Z\n");
        }
        Path file = work.resolve("labelled-cases.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void theNewestFifthOfTheProductionCasesIsTheHoldOutAndTheResultIsAChallenger() throws Exception {
        Path publicData = work.resolve("public.csv");
        LicensingDataGenerator.write(publicData, 2000, 1);
        Path models = work.resolve("ml-models");
        Path challenger = models.resolve("licensing-conversion").resolve(ModelRegistry.CHALLENGERS_DIR).resolve("retrained-test");

        ModelMetadata card = new ModelTrainer(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC())
                .trainWithProduction(recipe(), List.of(publicData), production(100), challenger);

        assertThat(card.trainingData().holdoutRows()).as("the 20 newest of 100 cases").isEqualTo(20);
        assertThat(card.trainingData().trainingRows()).isEqualTo(2000 + 80);
        assertThat(card.trainingData().split()).startsWith("time-ordered");
        assertThat(card.driftBaseline().features()).isNotEmpty();
        ModelRegistry registry = new ModelRegistry(models, Duration.ofMinutes(1), Clock.systemUTC());
        assertThat(registry.challengers("licensing-conversion")).singleElement()
                .satisfies(model -> assertThat(model.metadata().version()).isEqualTo(card.version()));
    }

    @Test
    void tooFewLabelledCasesAreRefusedSayingHowManyItNeeds() throws Exception {
        Path publicData = work.resolve("public.csv");
        LicensingDataGenerator.write(publicData, 500, 1);
        assertThatThrownBy(() -> new ModelTrainer(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC())
                .trainWithProduction(recipe(), List.of(publicData), production(30), work.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 30 labelled production cases; a retraining needs 50");
    }
}
