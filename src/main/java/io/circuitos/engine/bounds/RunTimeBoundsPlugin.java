package io.circuitos.engine.bounds;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Installs the run-time bounds (see {@link RunTimeBounds}) into the engine: the parse listener, the
 * per-command step counter, the failed-job handling that turns a bound into an incident at once, and
 * the suspension that lets a deployment's delete stop its timers first ({@link SuspendBeforeDelete}).
 * Usable from Spring and from a plain {@code camunda.cfg.xml} (defaults).
 */
public class RunTimeBoundsPlugin extends AbstractProcessEnginePlugin {

    private final RunTimeBounds bounds;

    public RunTimeBoundsPlugin(RunTimeBounds bounds) {
        this.bounds = bounds;
    }

    public RunTimeBoundsPlugin() {
        this(RunTimeBounds.defaults());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPostBPMNParseListeners() == null
                ? List.of() : configuration.getCustomPostBPMNParseListeners());
        listeners.add(new RunTimeBoundsParseListener(bounds));
        configuration.setCustomPostBPMNParseListeners(listeners);
        List<SessionFactory> sessions = new ArrayList<>(configuration.getCustomSessionFactories() == null
                ? List.of() : configuration.getCustomSessionFactories());
        sessions.add(new StepBudget.Factory());
        configuration.setCustomSessionFactories(sessions);
        configuration.setFailedJobCommandFactory(BoundedJobRetryCmd::new);
        List<CommandInterceptor> interceptors = new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? List.of() : configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new SuspendBeforeDelete(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
