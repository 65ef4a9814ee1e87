package io.circuitos.audit.metrics;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/** Adds {@link AgentMetrics} beside the engine's database history handler (which stays on). */
public class AgentMetricsPlugin extends AbstractProcessEnginePlugin {

    private final AgentMetrics metrics;

    public AgentMetricsPlugin(AgentMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>(
                configuration.getCustomHistoryEventHandlers() == null ? List.of() : configuration.getCustomHistoryEventHandlers());
        handlers.add(metrics);
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
    }
}
