package io.circuitos.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.Vector;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.SingleClassifierEnhancer;
import weka.classifiers.functions.Logistic;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Utils;

/**
 * Makes a classifier's probabilities mean what they say. The calibration map is fitted on out-of-fold
 * predictions of the training rows (each row scored by a model that never saw it), then the classifier is
 * trained on all of them. Platt scaling: a logistic regression on the score's log-odds, monotone, so the ranking
 * and ROC AUC are kept. (Isotonic regression is not in Weka's core and its steps tie cases the model told apart.)
 */
public class CalibratedClassifier extends SingleClassifierEnhancer implements ExplainsCases {

    private static final long serialVersionUID = 1L;
    private static final double EDGE = 1e-6;

    private int folds = 5;
    private Classifier calibration;
    private Instances calibrationHeader;

    @Override
    public void buildClassifier(Instances data) throws Exception {
        Instances rows = new Instances(data);
        rows.randomize(new Random(ModelTrainer.SEED));
        rows.stratify(folds);
        List<double[]> outOfFold = new ArrayList<>(); // {raw probability, label}
        for (int fold = 0; fold < folds; fold++) {
            Classifier model = AbstractClassifier.makeCopy(m_Classifier);
            model.buildClassifier(rows.trainCV(folds, fold, new Random(ModelTrainer.SEED)));
            Instances test = rows.testCV(folds, fold);
            for (int i = 0; i < test.numInstances(); i++) {
                outOfFold.add(new double[] {model.distributionForInstance(test.instance(i))[1], test.instance(i).classValue()});
            }
        }
        fitCalibration(outOfFold);
        m_Classifier.buildClassifier(data);
    }

    private void fitCalibration(List<double[]> outOfFold) throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>(List.of(new Attribute("logOdds"), new Attribute("label", List.of("0", "1"))));
        calibrationHeader = new Instances("calibration", attributes, outOfFold.size());
        calibrationHeader.setClassIndex(1);
        Instances rows = new Instances(calibrationHeader, outOfFold.size());
        for (double[] prediction : outOfFold) {
            rows.add(new DenseInstance(1, new double[] {feature(prediction[0]), prediction[1]}));
        }
        calibration = new Logistic();
        calibration.buildClassifier(rows);
    }

    private static double feature(double probability) {
        double p = Math.min(1 - EDGE, Math.max(EDGE, probability));
        return Math.log(p / (1 - p));
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        double p = calibrated(m_Classifier.distributionForInstance(instance)[1]);
        return new double[] {1 - p, p};
    }

    double calibrated(double rawProbability) throws Exception {
        DenseInstance row = new DenseInstance(1, new double[] {feature(rawProbability), Utils.missingValue()});
        row.setDataset(calibrationHeader);
        return calibration.distributionForInstance(row)[1];
    }

    /**
     * The inner model's contributions carried through the calibration: what the calibrated probability would lose
     * without each attribute's push, as log-odds of the calibrated probability.
     */
    @Override
    public double[] logOddsContributions(Instance instance) throws Exception {
        if (!(m_Classifier instanceof ExplainsCases inner)) {
            throw new UnsupportedOperationException(m_Classifier.getClass().getSimpleName() + " does not explain cases");
        }
        double[] raw = inner.logOddsContributions(instance);
        double logOdds = 0;
        for (double contribution : raw) {
            logOdds += contribution;
        }
        double calibratedLogOdds = logit(calibrated(sigmoid(logOdds)));
        double[] contributions = new double[raw.length];
        for (int a = 0; a < raw.length - 1; a++) {
            contributions[a] = calibratedLogOdds - logit(calibrated(sigmoid(logOdds - raw[a])));
        }
        contributions[raw.length - 1] = logit(calibrated(sigmoid(raw[raw.length - 1])));
        return contributions;
    }

    @Override
    public boolean explains() {
        return m_Classifier instanceof ExplainsCases;
    }

    private static double sigmoid(double logOdds) {
        return 1 / (1 + Math.exp(-logOdds));
    }

    private static double logit(double p) {
        double clamped = Math.min(1 - EDGE, Math.max(EDGE, p));
        return Math.log(clamped / (1 - clamped));
    }

    @Override
    protected String defaultClassifierString() {
        return GradientBoostedTrees.class.getName();
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> options = new Vector<>();
        options.add(new Option("\tFolds for the out-of-fold predictions (default 5)", "calibration-folds", 1, "-calibration-folds <n>"));
        options.addAll(Collections.list(super.listOptions()));
        return options.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        String foldOption = Utils.getOption("calibration-folds", options);
        folds = foldOption.isEmpty() ? 5 : Integer.parseInt(foldOption);
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>(List.of("-calibration-folds", String.valueOf(folds)));
        Collections.addAll(options, super.getOptions());
        return options.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "Platt-calibrated " + m_Classifier;
    }
}
