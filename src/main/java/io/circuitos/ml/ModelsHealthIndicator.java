package io.circuitos.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * {@code models} in {@code /actuator/health}: every shipped model loads, with the version in use.
 * The jar's model list is read once; health probes only ask the registry.
 */
@Component("models")
public class ModelsHealthIndicator implements HealthIndicator {

    private final ModelRegistry registry;
    private final TreeSet<String> shippedModels = shippedModels();

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

    private static TreeSet<String> shippedModels() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:ml-models/*/model.json")) {
                String url = resource.getURL().toString();
                String dir = url.substring(0, url.lastIndexOf('/'));
                names.add(dir.substring(dir.lastIndexOf('/') + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
