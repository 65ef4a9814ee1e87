package io.circuitos.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import weka.classifiers.AbstractClassifier;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Utils;

/**
 * XGBoost's gradient-boosted trees as a Weka classifier, so they train, cross-validate, serialize and score
 * like every other model. Nominal attributes become one column per value; a missing value is XGBoost's
 * missing (NaN), which each split learns a direction for. The booster travels as XGBoost's own model bytes.
 */
public class GradientBoostedTrees extends AbstractClassifier implements ExplainsCases {

    private static final long serialVersionUID = 1L;

    private int rounds = 200;
    private int maxDepth = 3;
    private double eta = 0.05;
    private double subsample = 0.8;
    private double columnSample = 0.8;
    private double minChildWeight = 5;
    private double lambda = 1;

    /** For each column of the matrix, the attribute it came from; for one-hot columns also the value (else -1). */
    private int[] columnAttribute;
    private int[] columnValue;
    private int numAttributes;
    private int classIndex;
    private byte[] boosterBytes;
    private transient Booster booster;

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        layOutColumns(data);
        float[] labels = new float[data.numInstances()];
        float[] matrix = new float[data.numInstances() * columnAttribute.length];
        for (int row = 0; row < data.numInstances(); row++) {
            fill(data.instance(row), matrix, row * columnAttribute.length);
            labels[row] = (float) data.instance(row).classValue();
        }
        DMatrix train = new DMatrix(matrix, data.numInstances(), columnAttribute.length, Float.NaN);
        try {
            train.setLabel(labels);
            Booster trained = XGBoost.train(train, parameters(), rounds, Map.of(), null, null);
            boosterBytes = trained.toByteArray("ubj");
            booster = trained;
        } finally {
            train.dispose();
        }
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "binary:logistic");
        parameters.put("tree_method", "hist");
        parameters.put("max_depth", maxDepth);
        parameters.put("eta", eta);
        parameters.put("subsample", subsample);
        parameters.put("colsample_bytree", columnSample);
        parameters.put("min_child_weight", minChildWeight);
        parameters.put("lambda", lambda);
        parameters.put("seed", 1);
        parameters.put("nthread", Math.max(1, Runtime.getRuntime().availableProcessors()));
        parameters.put("verbosity", 0);
        return parameters;
    }

    private void layOutColumns(Instances data) {
        List<int[]> columns = new ArrayList<>();
        for (int a = 0; a < data.numAttributes(); a++) {
            Attribute attribute = data.attribute(a);
            if (a == data.classIndex()) {
                continue;
            }
            if (attribute.isNominal()) {
                for (int v = 0; v < attribute.numValues(); v++) {
                    columns.add(new int[] {a, v});
                }
            } else {
                columns.add(new int[] {a, -1});
            }
        }
        columnAttribute = columns.stream().mapToInt(c -> c[0]).toArray();
        columnValue = columns.stream().mapToInt(c -> c[1]).toArray();
        numAttributes = data.numAttributes();
        classIndex = data.classIndex();
    }

    private void fill(Instance instance, float[] matrix, int offset) {
        for (int c = 0; c < columnAttribute.length; c++) {
            int a = columnAttribute[c];
            if (instance.isMissing(a)) {
                matrix[offset + c] = Float.NaN;
            } else if (columnValue[c] >= 0) {
                matrix[offset + c] = (int) instance.value(a) == columnValue[c] ? 1f : 0f;
            } else {
                matrix[offset + c] = (float) instance.value(a);
            }
        }
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        float[][] predicted = predict(instance, false);
        double p = predicted[0][0];
        return new double[] {1 - p, p};
    }

    /** TreeSHAP: each attribute's push on the log-odds (its one-hot columns summed), the bias last. */
    @Override
    public double[] logOddsContributions(Instance instance) throws Exception {
        float[][] contributions = predict(instance, true);
        double[] byAttribute = new double[numAttributes + 1];
        for (int c = 0; c < columnAttribute.length; c++) {
            byAttribute[columnAttribute[c]] += contributions[0][c];
        }
        byAttribute[numAttributes] = contributions[0][columnAttribute.length];
        byAttribute[classIndex] = 0;
        return byAttribute;
    }

    private float[][] predict(Instance instance, boolean contributions) throws Exception {
        float[] row = new float[columnAttribute.length];
        fill(instance, row, 0);
        DMatrix matrix = new DMatrix(row, 1, row.length, Float.NaN);
        try {
            return contributions ? booster().predictContrib(matrix, 0) : booster().predict(matrix);
        } finally {
            matrix.dispose();
        }
    }

    private synchronized Booster booster() throws Exception {
        if (booster == null) {
            booster = XGBoost.loadModel(boosterBytes);
            booster.setParam("nthread", 1); // one case at a time: threads would only add overhead
        }
        return booster;
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities capabilities = super.getCapabilities();
        capabilities.disableAll();
        capabilities.enable(Capabilities.Capability.NOMINAL_ATTRIBUTES);
        capabilities.enable(Capabilities.Capability.NUMERIC_ATTRIBUTES);
        capabilities.enable(Capabilities.Capability.MISSING_VALUES);
        capabilities.enable(Capabilities.Capability.BINARY_CLASS);
        return capabilities;
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> options = new Vector<>();
        options.add(new Option("\tBoosting rounds (default 200)", "rounds", 1, "-rounds <n>"));
        options.add(new Option("\tMaximum tree depth (default 3)", "depth", 1, "-depth <n>"));
        options.add(new Option("\tLearning rate (default 0.05)", "eta", 1, "-eta <x>"));
        options.add(new Option("\tRow subsample per tree (default 0.8)", "subsample", 1, "-subsample <x>"));
        options.add(new Option("\tColumn subsample per tree (default 0.8)", "colsample", 1, "-colsample <x>"));
        options.add(new Option("\tMinimum child weight (default 5)", "min-child-weight", 1, "-min-child-weight <x>"));
        options.add(new Option("\tL2 regularisation (default 1)", "lambda", 1, "-lambda <x>"));
        options.addAll(Collections.list(super.listOptions()));
        return options.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        rounds = intOption("rounds", options, rounds);
        maxDepth = intOption("depth", options, maxDepth);
        eta = doubleOption("eta", options, eta);
        subsample = doubleOption("subsample", options, subsample);
        columnSample = doubleOption("colsample", options, columnSample);
        minChildWeight = doubleOption("min-child-weight", options, minChildWeight);
        lambda = doubleOption("lambda", options, lambda);
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>(List.of("-rounds", String.valueOf(rounds), "-depth", String.valueOf(maxDepth),
                "-eta", String.valueOf(eta), "-subsample", String.valueOf(subsample), "-colsample", String.valueOf(columnSample),
                "-min-child-weight", String.valueOf(minChildWeight), "-lambda", String.valueOf(lambda)));
        Collections.addAll(options, super.getOptions());
        return options.toArray(String[]::new);
    }

    private static int intOption(String name, String[] options, int fallback) throws Exception {
        String value = Utils.getOption(name, options);
        return value.isEmpty() ? fallback : Integer.parseInt(value);
    }

    private static double doubleOption(String name, String[] options, double fallback) throws Exception {
        String value = Utils.getOption(name, options);
        return value.isEmpty() ? fallback : Double.parseDouble(value);
    }

    @Override
    public String toString() {
        return boosterBytes == null ? "GradientBoostedTrees: not built"
                : "GradientBoostedTrees: " + rounds + " rounds of depth " + maxDepth + " over " + columnAttribute.length + " columns";
    }
}
