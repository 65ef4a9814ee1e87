package io.circuitos.llm;

/** The model could not be asked: not configured, circuit open, timeout, connection refused, HTTP error. */
public class LlmUnavailableException extends RuntimeException {

    private final boolean retryable;

    public LlmUnavailableException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * The reason in words a rep reads on a form or the trail: no exception class names. The message itself (with
     * the cause chain) stays for the log, the job and the incident.
     */
    public String forPeople() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return "the AI model could not be reached (connection refused)";
            }
            if (cause instanceof java.net.SocketTimeoutException || cause instanceof java.net.http.HttpTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return "the AI model did not answer in time";
            }
        }
        return getCause() == null ? getMessage() : "the AI model call failed";
    }

    /** False when asking again soon cannot help (no LLM configured, circuit open). */
    public boolean retryable() {
        return retryable;
    }
}
