package io.circuitos.ml;

public class ScoringException extends RuntimeException {
    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }

    public ScoringException(String message) {
        super(message);
    }
}
