package io.circuitos.ml;

/** The embedding model could not be loaded; the message says why. */
public class EmbeddingUnavailableException extends RuntimeException {

    public EmbeddingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code error} or one of its causes (e.g. inside a bean creation failure) is this. */
    public static boolean causes(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EmbeddingUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
