package io.circuitos.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.tasks.TaskCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped BPMN, DMN and form is something an analyst could have deployed. */
class ShippedResourcesPassTheGuardTest {

    static Map<String, byte[]> shippedResources() throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String folder : List.of("processes", "decisions", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.sorted().toList()) {
                    resources.put(file.getFileName().toString(), Files.readAllBytes(file)); // as Camunda Modeler names them
                }
            }
        }
        return resources;
    }

    @Test
    void everyShippedResourceFollowsTheAnalystAllowList() throws IOException {
        List<ResourceProblems> problems = new DeploymentCheck(new ExpressionPolicy(Set.of("jdbcTemplate"), TaskCatalogue.shipped()))
                .check(shippedResources(), ReferenceCatalog.unchecked().withDeployed(key -> false, key -> false));

        assertThat(problems).isEmpty();
    }
}
