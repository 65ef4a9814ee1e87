package io.circuitos.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import weka.core.Instances;

/**
 * The command-line side of the ML layer, run as {@code java -jar circuitos.jar train|evaluate ...}
 * without starting the web application.
 */
public final class MlCommands {

    private static final Set<String> COMMANDS = Set.of("train", "evaluate", "generate-licensing-data", "baseline");

    private MlCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        WekaEnvironment.init();
        try {
            Map<String, String> options = options(args);
            return switch (args[0]) {
                case "train" -> train(options, out, err);
                case "evaluate" -> evaluate(options, out);
                case "generate-licensing-data" -> generateLicensingData(options, out);
                case "baseline" -> baseline(options, out);
                default -> usage(err);
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return usage(err);
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    /** {@code --data a.csv} or, for data sets split over files with the same columns, {@code --data a.csv,b.csv}. */
    private static List<Path> dataFiles(Map<String, String> options) {
        List<Path> files = new java.util.ArrayList<>();
        for (String file : required(options, "data").split(",")) {
            files.add(existingFile(file.trim()));
        }
        return files;
    }

    private static int train(Map<String, String> options, PrintStream out, PrintStream err) throws Exception {
        String modelName = required(options, "model");
        TrainingRecipe recipe = TrainingRecipes.byName(modelName).orElseThrow(() ->
                new IllegalArgumentException("unknown model '" + modelName + "'; known: " + TrainingRecipes.names()));
        List<Path> data = dataFiles(options);
        ModelMetadata metadata;
        if (options.containsKey("production")) {
            // a challenger: scored in shadow beside the champion until an analyst promotes it (docs/models.md)
            Path outDir = Path.of(options.getOrDefault("out", "ml-models/" + modelName + "/" + ModelRegistry.CHALLENGERS_DIR + "/retrained-"
                    + java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now())));
            metadata = new ModelTrainer(err, Clock.systemUTC()).trainWithProduction(recipe, data, existingFile(options.get("production")), outDir);
            out.printf("challenger %s version %s written to %s: it scores in shadow from the next case on%n", metadata.name(), metadata.version(), outDir);
        } else {
            Path outDir = Path.of(options.getOrDefault("out", "ml-models/" + modelName));
            metadata = new ModelTrainer(err, Clock.systemUTC()).train(recipe, data, outDir);
        }
        ModelMetadata.Metrics m = metadata.metrics();
        out.printf("model %s version %s: %s%n", metadata.name(), metadata.version(), metadata.trainingData().split());
        out.printf("hold-out (n=%d): ROC AUC %.4f, PR AUC %.4f, Brier %.4f%n", m.holdout().n(), m.holdout().rocAuc(),
                m.holdout().prAuc(), m.holdout().brier());
        out.printf(recipe.baselineDescription() + " (baseline) on the same hold-out: ROC AUC %.4f, PR AUC %.4f, Brier %.4f%n",
                m.baselineLogisticHoldout().rocAuc(), m.baselineLogisticHoldout().prAuc(), m.baselineLogisticHoldout().brier());
        out.printf("%d-fold cross-validation on the training part: ROC AUC %.4f, PR AUC %.4f, Brier %.4f%n", m.folds(),
                m.crossValidation().rocAuc(), m.crossValidation().prAuc(), m.crossValidation().brier());
        m.alsoTried().forEach(a -> out.printf("also tried %s: ROC AUC %.4f, Brier %.4f%n", a.algorithm(), a.holdout().rocAuc(), a.holdout().brier()));
        out.println(m.verdict());
        return 0;
    }

    /**
     * Writes the drift baseline of a model trained before models carried one: its training rows (the same split the
     * trainer made, from the same data file, checked by its SHA-256) bucketed feature by feature into its model.json.
     */
    private static int baseline(Map<String, String> options, PrintStream out) throws Exception {
        String model = required(options, "model");
        List<Path> data = dataFiles(options);
        Path dir = Files.isDirectory(Path.of(model)) ? Path.of(model) : Path.of("ml-models", model);
        Path card = dir.resolve(ModelTrainer.METADATA_FILE);
        if (!Files.isRegularFile(card)) {
            throw new IllegalArgumentException("no model at " + dir);
        }
        ModelMetadata metadata;
        try (InputStream in = Files.newInputStream(card)) {
            metadata = ModelRegistry.readMetadata(in);
        }
        if (!ModelTrainer.sha256(data).equals(metadata.trainingData().sha256())) {
            throw new IllegalArgumentException("the data is not what " + metadata.name() + " was trained on (SHA-256 differs from model.json)");
        }
        TrainingRecipe recipe = TrainingRecipes.byName(metadata.name()).orElseThrow(() ->
                new IllegalArgumentException("no training recipe for " + metadata.name()));
        DriftBaseline baseline = DriftBaseline.of(ModelTrainer.trainingPart(DatasetLoader.load(data, recipe)));
        ModelTrainer.jsonMapper().writeValue(card.toFile(), metadata.withDriftBaseline(baseline));
        out.printf("drift baseline of %s %s: %d features %s written to %s%n", metadata.name(), metadata.version(),
                baseline.features().size(), baseline.features().keySet(), card);
        return 0;
    }

    private static int evaluate(Map<String, String> options, PrintStream out) throws Exception {
        String model = required(options, "model");
        List<Path> data = dataFiles(options);
        Path dir = Files.isDirectory(Path.of(model)) ? Path.of(model) : Path.of("ml-models", model);
        LoadedModel loaded;
        try (InputStream meta = new FileInputStream(dir.resolve(ModelTrainer.METADATA_FILE).toFile());
             InputStream bin = new FileInputStream(dir.resolve(ModelTrainer.MODEL_FILE).toFile())) {
            loaded = ModelRegistry.load(meta, bin);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("no model at " + dir + " (" + e.getMessage() + ")");
        }
        TrainingRecipe recipe = TrainingRecipes.byName(loaded.metadata().name()).orElseThrow(() ->
                new IllegalArgumentException("no training recipe for " + loaded.metadata().name()));
        Instances rows = DatasetLoader.load(data, recipe);
        double[] probabilities = new double[rows.numInstances()];
        boolean[] positives = new boolean[rows.numInstances()];
        for (int i = 0; i < probabilities.length; i++) {
            Map<String, Object> features = new HashMap<>();
            for (int a = 0; a < rows.numAttributes(); a++) {
                if (a != rows.classIndex() && !rows.instance(i).isMissing(a)) {
                    features.put(rows.attribute(a).name(), rows.attribute(a).isNumeric()
                            ? rows.instance(i).value(a) : rows.instance(i).stringValue(a));
                }
            }
            probabilities[i] = loaded.probability(features);
            positives[i] = rows.instance(i).classValue() == 1;
        }
        ModelMetrics metrics = ModelMetrics.of(probabilities, positives);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", loaded.metadata().name());
        result.put("version", loaded.metadata().version());
        result.put("data", data.toString());
        result.put("rocAuc", metrics.rocAuc());
        result.put("prAuc", metrics.prAuc());
        result.put("brier", metrics.brier());
        result.put("n", metrics.n());
        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
    }

    private static int generateLicensingData(Map<String, String> options, PrintStream out) throws Exception {
        Path csv = Path.of(required(options, "out"));
        int rows = Integer.parseInt(options.getOrDefault("rows", "20000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        io.circuitos.ml.LicensingDataGenerator.write(csv, rows, seed);
        out.printf("wrote %d GENERATED licensing applications (seed %d) to %s%n", rows, seed, csv);
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Path existingFile(String path) {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file not found: " + path);
        }
        return file;
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar circuitos.jar train --model <name> --data <csv> [--production <labelled-cases.csv>] [--out <dir>]");
        err.println("       java -jar circuitos.jar evaluate --model <name-or-dir> --data <csv>");
        err.println("       java -jar circuitos.jar generate-licensing-data --out <csv> [--rows 20000] [--seed 1]");
        err.println("       java -jar circuitos.jar baseline --model <name-or-dir> --data <csv>   (the drift baseline of a trained model)");
        err.println("models: " + TrainingRecipes.names());
        return 2;
    }
}
