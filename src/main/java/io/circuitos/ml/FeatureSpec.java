package io.circuitos.ml;

import java.util.List;

/**
 * One model input: the process-variable name it is read from at scoring time, the CSV column it is
 * trained from, and its type. {@code missingMarkers} are CSV values that mean "unknown"
 * (e.g. {@code 999} for "never contacted" in the bank marketing data).
 */
public record FeatureSpec(String name, String column, Type type, List<String> missingMarkers) {

    /** {@code TEXT}: free text, kept as a Weka string attribute for the classifier's own filter to turn into numbers. */
    public enum Type { NUMERIC, NOMINAL, TEXT }

    public static FeatureSpec numeric(String name, String column, String... missingMarkers) {
        return new FeatureSpec(name, column, Type.NUMERIC, List.of(missingMarkers));
    }

    public static FeatureSpec nominal(String name, String column, String... missingMarkers) {
        return new FeatureSpec(name, column, Type.NOMINAL, List.of(missingMarkers));
    }

    public static FeatureSpec text(String name, String column, String... missingMarkers) {
        return new FeatureSpec(name, column, Type.TEXT, List.of(missingMarkers));
    }

    public boolean isMissing(String raw) {
        return raw == null || raw.isBlank() || missingMarkers.contains(raw.trim());
    }
}
