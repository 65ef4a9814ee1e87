package io.circuitos.llm;

/** The model could not be asked: not configured, circuit open, timeout, connection refused, HTTP error. */
public class LlmUnavailableException extends RuntimeException {

    private final boolean retryable;

    public LlmUnavailableException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** False when asking again soon cannot help (no LLM configured, circuit open). */
    public boolean retryable() {
        return retryable;
    }
}
