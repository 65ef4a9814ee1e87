package io.circuitos.engine.bounds;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A process went past a run-time bound: the transaction is rolled back, a job carrying it becomes an
 * incident at once (retrying would go past it again), a synchronous start answers a 4xx. A
 * {@link BadUserRequestException} because the process definition, not the server, is at fault.
 */
public class RunTimeBoundExceeded extends BadUserRequestException {

    private final String elementId;

    public RunTimeBoundExceeded(String elementId, String message) {
        super(message);
        this.elementId = elementId;
    }

    public String elementId() {
        return elementId;
    }

    /** The bound in this error or one of its causes, or null. */
    public static RunTimeBoundExceeded in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RunTimeBoundExceeded exceeded) {
                return exceeded;
            }
        }
        return null;
    }
}
