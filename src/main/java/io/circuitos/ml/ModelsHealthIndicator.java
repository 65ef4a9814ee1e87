package io.circuitos.ml;

import java.util.Map;
import java.util.TreeMap;
import java.util.SortedSet;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code models} in {@code /actuator/health}: every shipped model loads, with the version in use.
 * The jar's model list is read once; health probes only ask the registry.
 */
@Component("models")
public class ModelsHealthIndicator implements HealthIndicator {

    private final ModelRegistry registry;
    private final SortedSet<String> shippedModels = ModelRegistry.shippedNames();

    public ModelsHealthIndicator(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Map<String, String> versions = new TreeMap<>();
        boolean allLoaded = true;
        for (String name : shippedModels) {
            try {
                versions.put(name, registry.get(name).metadata().version());
            } catch (RuntimeException e) {
                versions.put(name, "not loadable: " + e.getMessage());
                allLoaded = false;
            }
        }
        return (allLoaded ? Health.up() : Health.down()).withDetails(Map.copyOf(versions)).build();
    }
}
