package io.circuitos.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the project's top-level {@code processes/}, {@code decisions/} and {@code forms/}
 * (packaged into the jar) as one deployment. The starter's auto-deployment skips {@code .form}
 * files, so everything goes through here. Unchanged resources are not redeployed, so a decision
 * an analyst deployed from the Modeler stays the latest version across restarts.
 */
public class ResourceDeployer extends AbstractProcessEnginePlugin {

    public static final String DEPLOYMENT_NAME = "circuitos";
    public static final List<String> PATTERNS = List.of(
            "classpath*:processes/**/*.bpmn", "classpath*:decisions/**/*.dmn", "classpath*:forms/**/*.form");
    private static final Logger LOG = LoggerFactory.getLogger(ResourceDeployer.class);

    /** Runs once the engine is built, before the job executor starts and before any request. */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        deploy(processEngine.getRepositoryService());
    }

    public DeploymentWithDefinitions deploy(RepositoryService repositoryService) {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("circuitos application")
                .enableDuplicateFiltering(true);
        List<String> names = new ArrayList<>();
        for (Resource resource : resources()) {
            String name = resourceName(resource);
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(name, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
            names.add(name);
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        LOG.info("deployed {} resources {} as deployment {}", names.size(), names, deployment.getId());
        return deployment;
    }

    private static List<Resource> resources() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        for (String pattern : PATTERNS) {
            try {
                resources.addAll(List.of(resolver.getResources(pattern)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return resources;
    }

    /** "processes/lost-opportunity.bpmn", whatever the jar or directory the resource came from. */
    static String resourceName(Resource resource) {
        try {
            String url = resource.getURL().toString();
            for (String folder : List.of("processes/", "decisions/", "forms/")) {
                int at = url.lastIndexOf("/" + folder);
                if (at >= 0) {
                    return url.substring(at + 1);
                }
            }
            return resource.getFilename();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
