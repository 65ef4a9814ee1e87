package io.circuitos.engine;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * History level {@code circuitos}: everything level {@code full} records (activities, decisions with
 * their inputs, outputs and matched rules, tasks, variables, user operations) except the per-update
 * variable details ({@code ACT_HI_DETAIL}). A decision trace needs the former, nobody reads the
 * latter, and skipping it halves the history writes of an agent start with two dozen variables.
 */
public class CircuitosHistoryLevel extends AbstractHistoryLevel {

    public static final String NAME = "circuitos";
    public static final int ID = 10;

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
    }
}
