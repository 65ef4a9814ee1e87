package io.circuitos.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.functions.Logistic;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * Trains a model from a CSV file: a stratified 80/20 split (the 20 % hold-out is never trained
 * on), k-fold cross-validation on the 80 %, the final model on the 80 %, then hold-out metrics
 * against Weka's default Logistic on the same features, and the model directory with
 * {@code model.bin}, {@code model.json}, {@code evaluation.md} and {@code roc.png}.
 */
public final class ModelTrainer {

    public static final String MODEL_FILE = "model.bin";
    public static final String METADATA_FILE = "model.json";
    static final int SEED = 1;
    static final int FOLDS = 5;
    static final int HOLDOUT_FOLDS = 5; // one fold of five = 20 %
    private static final int QUANTILES = 1000;

    private final PrintStream progressOut;
    private final Clock clock;

    public ModelTrainer(PrintStream progressOut, Clock clock) {
        this.progressOut = progressOut;
        this.clock = clock;
    }

    public ModelMetadata train(TrainingRecipe recipe, Path csv, Path outDir) throws Exception {
        return train(recipe, List.of(csv), outDir);
    }

    public ModelMetadata train(TrainingRecipe recipe, List<Path> csv, Path outDir) throws Exception {
        ProgressBar progress = new ProgressBar(progressOut, FOLDS + 4);
        Instances data = DatasetLoader.load(csv, recipe);
        progress.step("loaded " + data.numInstances() + " rows");
        Instances training = trainingPart(data);
        Instances holdout = data.testCV(HOLDOUT_FOLDS, 0);
        return train(recipe, csv, data, training, holdout, "stratified 80/20, seed " + SEED + "; cross-validation " + FOLDS
                + "-fold on the 80 %", outDir, progress);
    }

    /** The fewest labelled production cases a retraining takes: a fifth of them is its hold-out. */
    public static final int MIN_PRODUCTION_CASES = 50;

    /**
     * Trains on the public data and the older labelled production cases and tests on the newer ones: the production file's
     * rows are in the order their outcomes came (as {@code GET /api/models/{name}/labelled-cases.csv} writes them), and the
     * newest fifth is the hold-out, so the model is judged on cases later than anything it learned from.
     */
    public ModelMetadata trainWithProduction(TrainingRecipe recipe, List<Path> publicCsv, Path productionCsv, Path outDir) throws Exception {
        ProgressBar progress = new ProgressBar(progressOut, FOLDS + 4);
        int publicRows = DatasetLoader.load(publicCsv, recipe).numInstances();
        List<Path> files = new ArrayList<>(publicCsv);
        files.add(productionCsv);
        Instances data = DatasetLoader.load(files, recipe); // one header for both: the same nominal values
        int production = data.numInstances() - publicRows;
        if (production < MIN_PRODUCTION_CASES) {
            throw new IllegalArgumentException(productionCsv + " has " + production + " labelled production cases; a retraining needs "
                    + MIN_PRODUCTION_CASES + " (a fifth of them, the newest, is the hold-out)");
        }
        progress.step("loaded " + publicRows + " public rows and " + production + " labelled production cases");
        int held = Math.max(1, production / HOLDOUT_FOLDS);
        Instances training = new Instances(data, 0, data.numInstances() - held);
        Instances holdout = new Instances(data, data.numInstances() - held, held);
        return train(recipe, files, data, training, holdout, "time-ordered: trained on the public data and the " + (production - held)
                + " older production cases, tested on the " + held + " newest; cross-validation " + FOLDS + "-fold on the training rows",
                outDir, progress);
    }

    private ModelMetadata train(TrainingRecipe recipe, List<Path> csv, Instances data, Instances training, Instances holdout,
                                String split, Path outDir, ProgressBar progress) throws Exception {
        ModelMetrics crossValidation = crossValidate(recipe, training, progress);
        Classifier model = newClassifier(recipe);
        model.buildClassifier(training);
        progress.step("trained final model");
        double[] modelProbabilities = predict(model, holdout);
        Classifier baseline = newBaseline(recipe);
        baseline.buildClassifier(training);
        double[] baselineProbabilities = predict(baseline, holdout);

        boolean[] positives = positives(holdout);
        List<ModelMetadata.Alternative> alsoTried = new ArrayList<>();
        for (String commandLine : recipe.alsoTried()) {
            String[] options = Utils.splitOptions(commandLine);
            String name = options[0];
            options[0] = "";
            Classifier alternative = AbstractClassifier.forName(name, options);
            alternative.buildClassifier(training);
            alsoTried.add(new ModelMetadata.Alternative(commandLine, ModelMetrics.of(predict(alternative, holdout), positives)));
        }
        progress.step("evaluated hold-out, baseline" + (alsoTried.isEmpty() ? "" : " and " + alsoTried.size() + " other learners"));
        ModelMetrics ours = ModelMetrics.of(modelProbabilities, positives);
        ModelMetrics baselineMetrics = ModelMetrics.of(baselineProbabilities, positives);
        Reliability reliability = Reliability.of(modelProbabilities, positives);
        ModelMetrics groundTruth = recipe.groundTruth() == null ? null : ModelMetrics.of(groundTruth(recipe, holdout), positives);
        ModelMetadata metadata = metadata(recipe, csv, data, training, holdout, split,
                new ModelMetadata.Metrics(ours, crossValidation, FOLDS, baselineMetrics, reliability, alsoTried, groundTruth,
                        ModelVerdict.of(recipe.baselineDescription(), ours, baselineMetrics, reliability, alsoTried, groundTruth, positives)),
                modelProbabilities);
        write(outDir, model, training, metadata, positives, modelProbabilities, baselineProbabilities);
        progress.step("wrote " + outDir);
        return metadata;
    }

    /** The generator's true probability of each hold-out row. */
    static double[] groundTruth(TrainingRecipe recipe, Instances holdout) {
        double[] truth = new double[holdout.numInstances()];
        for (int i = 0; i < truth.length; i++) {
            weka.core.Instance row = holdout.instance(i);
            truth[i] = recipe.groundTruth().applyAsDouble(name -> {
                Attribute attribute = holdout.attribute(name);
                if (attribute == null || row.isMissing(attribute)) {
                    return null;
                }
                return attribute.isNumeric() ? (Object) row.value(attribute) : row.stringValue(attribute);
            });
        }
        return truth;
    }

    private ModelMetrics crossValidate(TrainingRecipe recipe, Instances training, ProgressBar progress) throws Exception {
        Instances shuffled = new Instances(training);
        shuffled.randomize(new Random(SEED));
        shuffled.stratify(FOLDS);
        List<Double> probabilities = new ArrayList<>();
        List<Boolean> positives = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            Classifier classifier = newClassifier(recipe);
            classifier.buildClassifier(shuffled.trainCV(FOLDS, fold, new Random(SEED)));
            Instances test = shuffled.testCV(FOLDS, fold);
            for (double p : predict(classifier, test)) {
                probabilities.add(p);
            }
            for (boolean positive : positives(test)) {
                positives.add(positive);
            }
            progress.step("cross-validation fold " + (fold + 1) + "/" + FOLDS);
        }
        boolean[] actual = new boolean[positives.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = positives.get(i);
        }
        return ModelMetrics.of(probabilities.stream().mapToDouble(Double::doubleValue).toArray(), actual);
    }

    /** The classifier a model must beat: Weka's default Logistic, or the recipe's reference (e.g. NaiveBayes on TF-IDF for text). */
    /** The rows a model is trained on: shuffled with the fixed seed, stratified, all folds but the hold-out. Shuffles {@code data}. */
    static Instances trainingPart(Instances data) {
        data.randomize(new Random(SEED));
        data.stratify(HOLDOUT_FOLDS);
        return data.trainCV(HOLDOUT_FOLDS, 0);
    }

    public static Classifier newBaseline(TrainingRecipe recipe) throws Exception {
        return AbstractClassifier.forName(recipe.baselineClassifier(), recipe.baselineOptions().clone());
    }

    static Classifier newClassifier(TrainingRecipe recipe) throws Exception {
        return AbstractClassifier.forName(recipe.classifier(), recipe.classifierOptions().clone());
    }

    static double[] predict(Classifier classifier, Instances data) throws Exception {
        double[] probabilities = new double[data.numInstances()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = classifier.distributionForInstance(data.instance(i))[1];
        }
        return probabilities;
    }

    private static boolean[] positives(Instances data) {
        boolean[] positives = new boolean[data.numInstances()];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = data.instance(i).classValue() == 1;
        }
        return positives;
    }

    private ModelMetadata metadata(TrainingRecipe recipe, List<Path> csv, Instances all, Instances training,
                                   Instances holdout, String split, ModelMetadata.Metrics metrics, double[] holdoutProbabilities)
            throws IOException {
        Instant now = clock.instant();
        List<ModelMetadata.Feature> features = new ArrayList<>();
        for (FeatureSpec spec : recipe.features()) {
            Attribute attribute = all.attribute(spec.name());
            List<String> values = attribute.isNominal()
                    ? java.util.Collections.list(attribute.enumerateValues()).stream().map(Object::toString).toList()
                    : null;
            features.add(new ModelMetadata.Feature(spec.name(), spec.column(), spec.type().name().toLowerCase(), values));
        }
        boolean[] allPositives = positives(all);
        int positiveCount = 0;
        for (boolean positive : allPositives) {
            positiveCount += positive ? 1 : 0;
        }
        double positiveRate = (double) positiveCount / allPositives.length;
        return new ModelMetadata(
                recipe.modelName(),
                DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss").withZone(ZoneOffset.UTC).format(now),
                recipe.description(),
                recipe.classifier(),
                List.of(recipe.classifierOptions()),
                features,
                new ModelMetadata.Label(recipe.labelColumn(), recipe.labelDescription(), ModelMetrics.round(positiveRate)),
                new ModelMetadata.TrainingData(csv.stream().map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.joining(" + ")),
                        sha256(csv), all.numInstances(),
                        training.numInstances(), holdout.numInstances(),
                        split, recipe.generatedData()),
                now.toString(),
                metrics,
                new ModelMetadata.ReferencePopulation("hold-out predictions", holdoutProbabilities.length,
                        quantiles(holdoutProbabilities)),
                baselineValues(training),
                MODEL_FILE,
                DriftBaseline.of(training));
    }

    static List<Double> quantiles(double[] probabilities) {
        double[] sorted = probabilities.clone();
        Arrays.sort(sorted);
        List<Double> quantiles = new ArrayList<>(QUANTILES + 1);
        for (int q = 0; q <= QUANTILES; q++) {
            int index = (int) Math.round((double) q / QUANTILES * (sorted.length - 1));
            quantiles.add(sorted[index]);
        }
        return quantiles;
    }

    /** Median of numeric features and mode of nominal ones: the "typical prospect" explanations compare to. */
    private static Map<String, Object> baselineValues(Instances training) {
        Map<String, Object> baseline = new LinkedHashMap<>();
        for (int i = 0; i < training.numAttributes(); i++) {
            if (i == training.classIndex()) {
                continue;
            }
            Attribute attribute = training.attribute(i);
            if (attribute.isString()) {
                continue; // free text has no "typical" value to compare with
            }
            if (attribute.isNumeric()) {
                double[] values = Arrays.stream(training.attributeToDoubleArray(i)).filter(v -> !Utils.isMissingValue(v)).sorted().toArray();
                baseline.put(attribute.name(), values.length == 0 ? null : values[values.length / 2]);
            } else {
                int[] counts = training.attributeStats(i).nominalCounts;
                baseline.put(attribute.name(), attribute.value(Utils.maxIndex(counts)));
            }
        }
        return baseline;
    }

    private static void write(Path outDir, Classifier model, Instances training, ModelMetadata metadata,
                              boolean[] positives, double[] modelProbabilities, double[] baselineProbabilities)
            throws Exception {
        Files.createDirectories(outDir);
        // write next to the final names and move, so a running scorer never reads a half-written model
        Path tmpModel = outDir.resolve(MODEL_FILE + ".tmp");
        SerializationHelper.writeAll(tmpModel.toString(), new Object[] {model, new Instances(training, 0)});
        Files.move(tmpModel, outDir.resolve(MODEL_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        new RocChart(positives).add(metadata.name(), modelProbabilities).add("Weka default Logistic", baselineProbabilities)
                .write(outDir.resolve("roc.png"), metadata.name() + " " + metadata.version() + " - hold-out ROC");
        ReliabilityChart.write(metadata.metrics().holdoutReliability(), outDir.resolve("reliability.png"),
                metadata.name() + " " + metadata.version() + " - hold-out reliability");
        Files.writeString(outDir.resolve("evaluation.md"), EvaluationReport.markdown(metadata));
        Path tmpMeta = outDir.resolve(METADATA_FILE + ".tmp");
        jsonMapper().writeValue(tmpMeta.toFile(), metadata);
        Files.move(tmpMeta, outDir.resolve(METADATA_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One file's SHA-256, or for several files the SHA-256 of their hashes joined by commas. */
    public static String sha256(List<Path> files) throws IOException {
        if (files.size() == 1) {
            return sha256(files.get(0));
        }
        List<String> hashes = new ArrayList<>();
        for (Path file : files) {
            hashes.add(sha256(file));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join(",", hashes).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
