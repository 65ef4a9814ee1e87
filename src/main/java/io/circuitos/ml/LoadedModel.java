package io.circuitos.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A trained model ready to score. Some Weka classifiers (Logistic, anything filtering inside
 * {@code distributionForInstance}) are not thread-safe, so every thread scores on its own copy.
 */
public final class LoadedModel {

    private static final int TOP_FEATURES = 3;

    private final ModelMetadata metadata;
    private final Instances header;
    private final Classifier prototype;
    private final ThreadLocal<Classifier> perThread;
    private final double[] quantiles;
    private final boolean hasText;

    public LoadedModel(ModelMetadata metadata, Classifier prototype, Instances header) {
        this.metadata = metadata;
        this.header = header;
        this.prototype = prototype;
        this.perThread = ThreadLocal.withInitial(this::copyOfPrototype);
        this.quantiles = metadata.referencePopulation().quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        this.hasText = header.checkForStringAttributes();
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public ScoreResult score(Map<String, ?> features) {
        Instance instance = toInstance(features);
        double probability = probability(instance);
        return new ScoreResult(metadata.name(), metadata.version(), probability, percentile(probability),
                explain(instance, probability));
    }

    /** A challenger's score in shadow: the probability and its percentile, without the explanation. */
    public ScoreResult shadowScore(Map<String, ?> features) {
        double probability = probability(toInstance(features));
        return new ScoreResult(metadata.name(), metadata.version(), probability, percentile(probability), java.util.List.of());
    }

    /** The positive-class probability alone, without the percentile or the explanation. */
    public double probability(Map<String, ?> features) {
        return probability(toInstance(features));
    }

    /** Percentile (0–100) of a probability among the reference population, interpolated between quantiles. */
    public double percentile(double probability) {
        int last = quantiles.length - 1;
        int k = lastIndexAtOrBelow(probability);
        if (k < 0) {
            return 0;
        }
        if (k >= last) {
            return 100;
        }
        // quantiles[k] <= probability < quantiles[k + 1], so the span is positive
        double position = k + (probability - quantiles[k]) / (quantiles[k + 1] - quantiles[k]);
        return Math.round(position * 10_000d / last) / 100d;
    }

    private int lastIndexAtOrBelow(double probability) {
        int low = 0;
        int high = quantiles.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (quantiles[mid] <= probability) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }

    private double probability(Instance instance) {
        try {
            return perThread.get().distributionForInstance(instance)[1];
        } catch (Exception e) {
            throw new ScoringException("model " + metadata.name() + " " + metadata.version() + " failed to score", e);
        }
    }

    private List<FeatureContribution> explain(Instance instance, double probability) {
        List<FeatureContribution> contributions = perThread.get() instanceof ExplainsCases model && model.explains()
                ? exactly(model, instance, probability)
                : bySwappingInTypicalValues(instance, probability);
        return contributions.stream()
                .filter(c -> c.contribution() > 0)
                .sorted(Comparator.comparingDouble(FeatureContribution::contribution).reversed())
                .limit(TOP_FEATURES)
                .toList();
    }

    /**
     * The model's own log-odds contributions, told in probability: how much lower the score would be without
     * the feature's push, the rest of the case unchanged.
     */
    private List<FeatureContribution> exactly(ExplainsCases model, Instance instance, double probability) {
        double[] logOdds;
        try {
            logOdds = model.logOddsContributions(instance);
        } catch (Exception e) {
            throw new ScoringException("model " + metadata.name() + " " + metadata.version() + " failed to explain a case", e);
        }
        double caseLogOdds = Math.log(probability / (1 - probability));
        List<FeatureContribution> contributions = new ArrayList<>();
        for (int i = 0; i < header.numAttributes(); i++) {
            if (i == header.classIndex() || instance.isMissing(i) || header.attribute(i).isString()) {
                continue;
            }
            double without = 1 / (1 + Math.exp(-(caseLogOdds - logOdds[i])));
            contributions.add(new FeatureContribution(header.attribute(i).name(), decode(header.attribute(i), instance.value(i)), null,
                    Math.round((probability - without) * 1000d) / 1000d));
        }
        return contributions;
    }

    private List<FeatureContribution> bySwappingInTypicalValues(Instance instance, double probability) {
        List<FeatureContribution> contributions = new ArrayList<>();
        for (int i = 0; i < header.numAttributes(); i++) {
            if (i == header.classIndex() || instance.isMissing(i) || header.attribute(i).isString()) {
                continue; // free text has no typical value to swap in
            }
            Attribute attribute = header.attribute(i);
            Object typical = metadata.baselineValues().get(attribute.name());
            double typicalValue = encode(attribute, typical);
            if (Utils.isMissingValue(typicalValue) || typicalValue == instance.value(i)) {
                continue;
            }
            Instance typicalCase = (Instance) instance.copy();
            typicalCase.setValue(i, typicalValue);
            double delta = probability - probability(typicalCase);
            contributions.add(new FeatureContribution(attribute.name(), decode(attribute, instance.value(i)), typical,
                    Math.round(delta * 1000d) / 1000d));
        }
        return contributions;
    }

    private Instance toInstance(Map<String, ?> features) {
        // text goes into a string attribute's value list: each call gets its own, the shared header stays untouched
        Instances dataset = hasText ? header.stringFreeStructure() : header;
        double[] values = new double[dataset.numAttributes()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == dataset.classIndex() ? Utils.missingValue() : encode(dataset.attribute(i), features.get(dataset.attribute(i).name()));
        }
        DenseInstance instance = new DenseInstance(1.0, values);
        instance.setDataset(dataset);
        return instance;
    }

    /** Unknown categories and unparseable numbers count as missing, as in training. */
    private static double encode(Attribute attribute, Object value) {
        if (value == null) {
            return Utils.missingValue();
        }
        if (attribute.isString()) {
            return value.toString().isBlank() ? Utils.missingValue() : attribute.addStringValue(value.toString());
        }
        if (attribute.isNumeric()) {
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            try {
                return Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                return Utils.missingValue();
            }
        }
        int index = attribute.indexOfValue(value.toString().trim());
        return index < 0 ? Utils.missingValue() : index;
    }

    private static Object decode(Attribute attribute, double value) {
        if (attribute.isNumeric()) {
            return value == Math.rint(value) ? (Object) (long) value : (Object) value;
        }
        return attribute.value((int) value);
    }

    private Classifier copyOfPrototype() {
        try {
            return AbstractClassifier.makeCopy(prototype);
        } catch (Exception e) {
            throw new ScoringException("cannot copy model " + metadata.name(), e);
        }
    }
}
