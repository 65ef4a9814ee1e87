package io.circuitos.ml;

import java.util.ArrayList;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.SimpleBatchFilter;

/**
 * Weka filter: every string attribute becomes the 384 numbers of its sentence embedding
 * (all-MiniLM-L6-v2, in process, offline), so a text model is a plain {@code FilteredClassifier}
 * that the registry scores like any other. The embedding model is one shared instance, which
 * embeds each text once (see {@link SharedEmbeddingModel}).
 */
public class SentenceEmbeddingFilter extends SimpleBatchFilter {

    private static final long serialVersionUID = 1L;
    static final int DIMENSIONS = 384;

    @Override
    public String globalInfo() {
        return "Replaces each string attribute by its all-MiniLM-L6-v2 sentence embedding (" + DIMENSIONS + " numeric attributes).";
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities capabilities = super.getCapabilities();
        capabilities.disableAll();
        capabilities.enableAllAttributes();
        capabilities.enableAllClasses();
        capabilities.enable(Capabilities.Capability.MISSING_VALUES);
        capabilities.enable(Capabilities.Capability.MISSING_CLASS_VALUES);
        capabilities.enable(Capabilities.Capability.NO_CLASS);
        return capabilities;
    }

    @Override
    protected Instances determineOutputFormat(Instances input) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        int classIndex = -1;
        for (int i = 0; i < input.numAttributes(); i++) {
            Attribute attribute = input.attribute(i);
            if (attribute.isString()) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    attributes.add(new Attribute(attribute.name() + "_e" + d));
                }
            } else {
                if (i == input.classIndex()) {
                    classIndex = attributes.size();
                }
                attributes.add((Attribute) attribute.copy());
            }
        }
        Instances output = new Instances(input.relationName() + "-embedded", attributes, 0);
        output.setClassIndex(classIndex);
        return output;
    }

    @Override
    protected Instances process(Instances input) {
        Instances output = new Instances(getOutputFormat(), input.numInstances());
        for (Instance instance : input) {
            double[] values = new double[output.numAttributes()];
            int at = 0;
            for (int i = 0; i < input.numAttributes(); i++) {
                if (input.attribute(i).isString()) {
                    float[] vector = instance.isMissing(i) ? null : embed(instance.stringValue(i));
                    for (int d = 0; d < DIMENSIONS; d++) {
                        values[at++] = vector == null ? Utils.missingValue() : vector[d];
                    }
                } else {
                    values[at++] = instance.value(i);
                }
            }
            output.add(new DenseInstance(instance.weight(), values));
        }
        return output;
    }

    static float[] embed(String text) {
        return SharedEmbeddingModel.get().embed(text).content().vector();
    }
}
