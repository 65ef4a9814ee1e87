package io.circuitos.engine;

import io.circuitos.engine.sandbox.DeploymentUploadLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import io.circuitos.engine.bounds.FeelBudget;
import io.circuitos.engine.bounds.RunTimeBounds;
import io.circuitos.engine.bounds.RunTimeBoundsPlugin;
import io.circuitos.engine.sandbox.ReferenceCatalog;
import io.circuitos.engine.sandbox.RegisteredTasks;
import io.circuitos.engine.sandbox.SandboxPlugin;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
@EnableConfigurationProperties(EngineProperties.class)
public class EngineConfiguration {

    @Bean
    public FeelBudget feelBudget(EngineProperties properties) {
        return properties.decisions().feelBudget();
    }

    @Bean
    public CircuitosEnginePlugin circuitosEnginePlugin(FeelBudget feelBudget) {
        return new CircuitosEnginePlugin(feelBudget);
    }

    /** Multi-instance cardinality and steps per transaction, for every process whoever deployed it. */
    @Bean
    public RunTimeBoundsPlugin runTimeBoundsPlugin(EngineProperties properties) {
        // the same cardinality limit the deployment guard applies to literal cardinalities
        return new RunTimeBoundsPlugin(new RunTimeBounds(properties.deployments().limits().maxMultiInstanceCardinality(),
                properties.engine().maxStepsPerTransaction()));
    }

    /** The engine's clock for the application's own classes (see {@link EngineClock}). */
    @Bean
    public java.time.Clock circuitosClock() {
        return new EngineClock();
    }

    @Bean
    public ResourceDeployer resourceDeployer() {
        return new ResourceDeployer();
    }

    @Bean
    public NodeLocks nodeLocks(EngineProperties properties, Environment environment) {
        String port = environment.getProperty("server.port", "8080").trim(); // Spring's own setting
        // a random port (tests) gives no stable identity: such a node keeps the engine's behaviour of a fresh owner per start
        String port0 = "0".equals(port) ? java.util.UUID.randomUUID().toString() : port;
        String nodeId = properties.nodeId();
        return new NodeLocks(nodeId == null || nodeId.isBlank() ? hostName() + ":" + port0 : nodeId);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * The deployment guard and the expression sandbox. Members of {@code circuitos.deployments.trusted-groups}
     * (default: none) deploy without the guard, which is the same as shell access to the server. Which beans
     * are generic tasks and what their inputs may name come from the task catalogue's beans.
     */
    @Bean
    public SandboxPlugin sandboxPlugin(ApplicationContext context, RegisteredTasks tasks, ReferenceCatalog references,
                                       EngineProperties properties, org.springframework.beans.factory.ObjectProvider<io.circuitos.engine.sandbox.DeploymentGate> gates) {
        EngineProperties.Deployments deployments = properties.deployments();
        return new SandboxPlugin(name -> context.containsBean(name) ? context.getBean(name) : null, tasks, Set.of(context.getBeanDefinitionNames()),
                references, Set.copyOf(deployments.trustedGroups().stream().filter(g -> !g.isBlank()).toList()), deployments.limits(),
                () -> gates.orderedStream().toList());
    }

    /** Uploads of deployments (engine REST as Camunda Modeler deploys, the check and what-if endpoints) within the size limit. */
    @Bean
    public FilterRegistrationBean<DeploymentUploadLimit> deploymentUploadLimit(EngineProperties properties) {
        FilterRegistrationBean<DeploymentUploadLimit> registration = new FilterRegistrationBean<>(
                new DeploymentUploadLimit(properties.deployments().limits()));
        registration.addUrlPatterns("/engine-rest/deployment/create", "/api/deployments/check", "/api/decisions/*");
        return registration;
    }
}
