package io.circuitos.ml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/** Reads a training CSV into Weka {@link Instances} following a {@link TrainingRecipe}. */
public final class DatasetLoader {

    public static final String CLASS_ATTRIBUTE = "label";
    public static final List<String> CLASS_VALUES = List.of("negative", "positive");

    private DatasetLoader() {
    }

    public static Instances load(Path csv, TrainingRecipe recipe) throws IOException {
        return load(List.of(csv), recipe);
    }

    /**
     * The rows of one or more files with the same columns, in order. Rows whose text feature is
     * missing are left out: there is nothing to learn from them.
     */
    public static Instances load(List<Path> files, TrainingRecipe recipe) throws IOException {
        List<CSVRecord> records = new ArrayList<>();
        for (Path csv : files) {
            records.addAll(readRecords(csv, recipe));
        }
        records.removeIf(record -> recipe.features().stream()
                .anyMatch(f -> f.type() == FeatureSpec.Type.TEXT && f.isMissing(record.get(f.column()))));
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (FeatureSpec feature : recipe.features()) {
            attributes.add(attributeFor(feature, records));
        }
        attributes.add(new Attribute(CLASS_ATTRIBUTE, CLASS_VALUES));
        Instances data = new Instances(recipe.modelName(), attributes, records.size());
        data.setClassIndex(attributes.size() - 1);
        for (CSVRecord record : records) {
            data.add(toInstance(record, recipe, data));
        }
        return data;
    }

    private static List<CSVRecord> readRecords(Path csv, TrainingRecipe recipe) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(recipe.delimiter()).setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (FeatureSpec feature : recipe.features()) {
                requireColumn(header, feature.column(), csv);
            }
            requireColumn(header, recipe.labelColumn(), csv);
            if (recipe.alsoPositiveColumn() != null) {
                requireColumn(header, recipe.alsoPositiveColumn(), csv);
            }
            return parser.getRecords();
        }
    }

    private static void requireColumn(List<String> header, String column, Path csv) {
        if (!header.contains(column)) {
            throw new IllegalArgumentException("column '" + column + "' is missing from " + csv);
        }
    }

    private static Attribute attributeFor(FeatureSpec feature, List<CSVRecord> records) {
        if (feature.type() == FeatureSpec.Type.NUMERIC) {
            return new Attribute(feature.name());
        }
        if (feature.type() == FeatureSpec.Type.TEXT) {
            return new Attribute(feature.name(), (List<String>) null);
        }
        TreeSet<String> values = new TreeSet<>();
        for (CSVRecord record : records) {
            String raw = record.get(feature.column());
            if (!feature.isMissing(raw)) {
                values.add(raw.trim());
            }
        }
        return new Attribute(feature.name(), new ArrayList<>(values));
    }

    private static DenseInstance toInstance(CSVRecord record, TrainingRecipe recipe, Instances data) {
        double[] values = new double[data.numAttributes()];
        for (int i = 0; i < recipe.features().size(); i++) {
            FeatureSpec feature = recipe.features().get(i);
            String raw = record.get(feature.column());
            values[i] = feature.isMissing(raw) ? Utils.missingValue() : encode(data.attribute(i), raw.trim(), record);
        }
        boolean positive = recipe.isPositive(record::get);
        values[values.length - 1] = positive ? 1 : 0;
        return new DenseInstance(1.0, values);
    }

    private static double encode(Attribute attribute, String raw, CSVRecord record) {
        if (attribute.isString()) {
            return attribute.addStringValue(raw);
        }
        if (attribute.isNumeric()) {
            try {
                return Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + record.getRecordNumber() + ": column for '"
                        + attribute.name() + "' is not a number: " + raw, e);
            }
        }
        return attribute.indexOfValue(raw);
    }
}
