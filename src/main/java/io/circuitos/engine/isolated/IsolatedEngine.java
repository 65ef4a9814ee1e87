package io.circuitos.engine.isolated;

import io.circuitos.engine.CircuitosEnginePlugin;
import io.circuitos.engine.bounds.RunTimeBoundsPlugin;
import io.circuitos.engine.sandbox.DeploymentLimits;
import io.circuitos.engine.sandbox.ReferenceCatalog;
import io.circuitos.engine.sandbox.RegisteredTasks;
import io.circuitos.engine.sandbox.SandboxPlugin;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * A Camunda engine of its own, in memory, for running an agent away from production: its own H2 database
 * (created and dropped with it), no job executor (the caller drives the jobs), full history, and the application's
 * expression sandbox and deployment guard, resolving beans through the function it is given. Nothing it does
 * reaches the application's engine or tables.
 */
public final class IsolatedEngine implements AutoCloseable {

    private final ProcessEngine engine;

    private IsolatedEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * @param beans          the beans its expressions and delegate expressions may name
     * @param applicationBeanNames every bean name of the application, for the sandbox's checks
     * @param features       the plugins of features the agents rely on (e.g. the matched-rule recorder)
     */
    public static IsolatedEngine start(Function<String, Object> beans, RegisteredTasks tasks, Set<String> applicationBeanNames,
                                       ReferenceCatalog references, DeploymentLimits limits, List<ProcessEnginePlugin> features) {
        String name = "isolated-" + UUID.randomUUID();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:" + name);
        configuration.setProcessEngineName(name);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDefaultNumberOfRetries(1);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setMetricsEnabled(false);
        List<ProcessEnginePlugin> plugins = new java.util.ArrayList<>(List.of(new CircuitosEnginePlugin(),
                new SandboxPlugin(beans, tasks, applicationBeanNames, references, Set.of(), limits),
                new RunTimeBoundsPlugin(), new SpinProcessEnginePlugin()));
        plugins.addAll(features);
        configuration.setProcessEnginePlugins(plugins);
        return new IsolatedEngine(configuration.buildProcessEngine());
    }

    public ProcessEngine engine() {
        return engine;
    }

    /** Deploys these resources (file name → content) as one deployment, through the deployment guard. */
    public void deploy(String deploymentName, Map<String, byte[]> resources) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(deploymentName);
        resources.forEach((file, content) -> deployment.addInputStream(file, new java.io.ByteArrayInputStream(content)));
        deployment.deploy();
    }

    @Override
    public void close() {
        engine.close();
    }
}
