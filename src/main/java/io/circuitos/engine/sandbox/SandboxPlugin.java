package io.circuitos.engine.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

/**
 * Installs the deployment guard (a pre-deployer) and the sandboxed expression manager. In the
 * application the beans, references and trusted groups come from Spring; a process-test engine may
 * create it with defaults (Camunda's mocks as beans, nothing trusted, references unchecked).
 */
public class SandboxPlugin extends AbstractProcessEnginePlugin {

    private final Function<String, Object> beans;
    private final RegisteredTasks tasks;
    private final Set<String> applicationBeanNames;
    private final ReferenceCatalog references;
    private final Set<String> trustedGroups;
    private final DeploymentLimits limits;
    private final java.util.function.Supplier<List<DeploymentGate>> gates;

    public SandboxPlugin(Function<String, Object> beans, RegisteredTasks tasks, Set<String> applicationBeanNames,
                         ReferenceCatalog references, Set<String> trustedGroups, DeploymentLimits limits) {
        this(beans, tasks, applicationBeanNames, references, trustedGroups, limits, List::of);
    }

    /** @param gates the features' checks a user's deployment must pass after the guard's rules (e.g. the case books) */
    public SandboxPlugin(Function<String, Object> beans, RegisteredTasks tasks, Set<String> applicationBeanNames,
                         ReferenceCatalog references, Set<String> trustedGroups, DeploymentLimits limits,
                         java.util.function.Supplier<List<DeploymentGate>> gates) {
        this.gates = gates;
        this.beans = beans;
        this.tasks = tasks;
        this.applicationBeanNames = applicationBeanNames;
        this.references = references;
        this.trustedGroups = trustedGroups;
        this.limits = limits;
    }

    /** For a standalone engine ({@code camunda.cfg.xml}): beans are Camunda's test mocks. */
    public SandboxPlugin(RegisteredTasks tasks) {
        this(org.camunda.bpm.engine.test.mock.Mocks::get, tasks, Set.of(), ReferenceCatalog.unchecked(), Set.of(), DeploymentLimits.defaults());
    }

    /** The guard's rules, as the engine applies them to a user's deployment. */
    public DeploymentCheck deploymentCheck() {
        return new DeploymentCheck(new ExpressionPolicy(applicationBeanNames, tasks), limits);
    }

    /** The guard's verdict on these resources as if a user deployed them now, without deploying anything. */
    public List<ResourceProblems> checkAsDeployment(Map<String, byte[]> resources, ProcessEngineConfigurationImpl engine) {
        return engine.getCommandExecutorTxRequired().execute(command ->
                deploymentCheck().check(resources, DeploymentGuard.withDeployed(references, command)));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SandboxedExpressionManager(beans, tasks));
        List<Deployer> preDeployers = new ArrayList<>(configuration.getCustomPreDeployers() == null
                ? List.of() : configuration.getCustomPreDeployers());
        preDeployers.add(0, new DeploymentGuard(deploymentCheck(), references, trustedGroups, gates));
        configuration.setCustomPreDeployers(preDeployers);
    }
}
