package io.circuitos.intake;

import java.util.Map;

/**
 * What a route with {@code handler: <name>} does instead of starting or continuing a process: for
 * events that update the application's own records (customers from billing, engagement from the
 * email provider). Runs inside the intake's transaction, so the change and the delivery record
 * commit together; reject with an {@link IntakeRejection} to leave no trace.
 */
public interface EventHandler {

    /** The name routes refer to. */
    String name();

    void handle(String eventType, Map<String, Object> variables);

    /**
     * With the route that matched and the event's business key, for a handler that needs them (an outcome labels a run).
     *
     * @return the run the event concerns, recorded with the delivery and answered to the sender; null when none
     */
    default String handle(Route route, String businessKey, Map<String, Object> variables) {
        handle(route.type(), variables);
        return null;
    }
}
