package io.circuitos.llm;

/** The model could not be asked: not configured, circuit open, timeout, connection refused, HTTP error. */
public class LlmUnavailableException extends RuntimeException {

    private final boolean retryable;
    private final java.util.List<String> failover;

    public LlmUnavailableException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, cause, java.util.List.of());
    }

    /** @param failover each provider asked and why it failed, in order, e.g. {@code ["cloud: HTTP 503", "ollama: timeout"]} */
    public LlmUnavailableException(String message, boolean retryable, Throwable cause, java.util.List<String> failover) {
        super(message, cause);
        this.retryable = retryable;
        this.failover = java.util.List.copyOf(failover);
    }

    /** Each provider asked and why it failed, in order; empty when none could be asked. */
    public java.util.List<String> failover() {
        return failover;
    }

    /**
     * The reason in words a rep reads on a form or the trail: no exception class names. The message itself (with
     * the cause chain) stays for the log, the job and the incident.
     */
    public String forPeople() {
        if (failover.size() > 1) {
            return "no AI model answered (" + String.join("; ", failover) + ")";
        }
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
