package io.circuitos.tasks;

import java.util.Locale;

/** The type of a task's input or output, as an analyst and the LLM's tool list read it. */
public enum ValueType {
    /** text, or anything read as its text */
    TEXT,
    /** a number, or text that is one ("0.8") */
    NUMBER,
    /** true or false, or the text "true" or "false" */
    BOOLEAN,
    /** a JSON value */
    JSON,
    /** a list of texts, written as comma-separated text */
    LIST,
    /** a date and time */
    DATE;

    /** "number", as the docs and element templates show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
