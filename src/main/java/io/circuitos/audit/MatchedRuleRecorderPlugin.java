package io.circuitos.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds the {@link MatchedRuleRecorder} to the decision tables the process engine evaluates. Usable from
 * Spring (as a bean: the starter installs every plugin bean) and from a plain {@code camunda.cfg.xml}.
 */
public class MatchedRuleRecorderPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>(dmn.getCustomPostDecisionTableEvaluationListeners() == null
                ? List.of() : dmn.getCustomPostDecisionTableEvaluationListeners());
        listeners.add(new MatchedRuleRecorder());
        dmn.setCustomPostDecisionTableEvaluationListeners(listeners);
        configuration.setDmnEngineConfiguration(dmn);
    }
}
