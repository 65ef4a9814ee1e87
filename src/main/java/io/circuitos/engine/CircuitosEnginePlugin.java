package io.circuitos.engine;

import io.circuitos.engine.bounds.FeelBudget;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * Engine settings circuitos relies on: the {@code admins} group is the Camunda admin group, group ids
 * may contain dashes, history level {@code circuitos} is available, output
 * mappings are skipped for activities left through a boundary event, and FEEL is parsed once per
 * expression and evaluated within the {@link FeelBudget}, and task forms and call activities see the start's payload fields ({@link RunPayload}). Features that need more of
 * the engine (e.g. a decision-table listener) declare plugins of their own.
 * Usable from Spring (as a bean) and from a plain {@code camunda.cfg.xml} in process tests.
 */
public class CircuitosEnginePlugin extends AbstractProcessEnginePlugin {

    private final FeelBudget feelBudget;

    public CircuitosEnginePlugin(FeelBudget feelBudget) {
        this.feelBudget = feelBudget;
    }

    /** For a standalone engine ({@code camunda.cfg.xml}): the default FEEL budget. */
    public CircuitosEnginePlugin() {
        this(FeelBudget.defaults());
    }

    public static final String ADMIN_GROUP = "admins";
    public static final String GROUP_ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9-]*|camunda-admin";

    /** The FEEL engine the process engine's decisions use, for a DMN engine of its own (what-if). */
    public static FeelEngineFactory feelEngineFactory(FeelBudget budget) {
        return ParsedFeelCache.factory(budget);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>(configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups());
        if (!adminGroups.contains(ADMIN_GROUP)) {
            adminGroups.add(ADMIN_GROUP);
        }
        configuration.setAdminGroups(adminGroups);
        // group ids such as "sales-reps" contain dashes, which the engine's default pattern refuses
        configuration.setGroupResourceWhitelistPattern(GROUP_ID_PATTERN);
        List<org.camunda.bpm.engine.impl.history.HistoryLevel> historyLevels = new ArrayList<>(
                configuration.getCustomHistoryLevels() == null ? List.of() : configuration.getCustomHistoryLevels());
        historyLevels.add(new CircuitosHistoryLevel());
        configuration.setCustomHistoryLevels(historyLevels);
        // a task left through a boundary event (e.g. a BPMN error from a delegate) has no outputs to map
        configuration.setSkipOutputMappingOnCanceledActivities(true);
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
            dmn.setFeelEngineFactory(ParsedFeelCache.factory(feelBudget));
        }
        configuration.setDmnEngineConfiguration(dmn);
        List<org.camunda.bpm.engine.impl.interceptor.CommandInterceptor> interceptors = new ArrayList<>(
                configuration.getCustomPreCommandInterceptorsTxRequired() == null ? List.of() : configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new FormVariablesWithPayload());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> parseListeners = new ArrayList<>(
                configuration.getCustomPreBPMNParseListeners() == null ? List.of() : configuration.getCustomPreBPMNParseListeners());
        parseListeners.add(new CallActivityFieldsFromPayload());
        configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
}
