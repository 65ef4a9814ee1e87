package io.circuitos.identity;

import java.util.List;

/** A start refused because settings are missing or wrong: every one of them, each naming what the operator sets. */
public class MissingSettingsException extends RuntimeException {

    private final List<String> problems;

    public MissingSettingsException(List<String> problems) {
        super("circuitos cannot start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
