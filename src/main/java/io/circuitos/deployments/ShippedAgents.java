package io.circuitos.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.llm.PromptLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The agents packaged with circuitos ({@code processes/}, {@code decisions/}, {@code forms/}, {@code ml-models/} on the class
 * path; their prompts are {@link PromptLibrary}'s, their routes {@link RouteCatalogue#shipped()}).
 */
public final class ShippedAgents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShippedAgents() {
    }

    public static Map<String, byte[]> processes() {
        return read("classpath*:processes/*.bpmn");
    }

    public static Map<String, byte[]> decisions() {
        return read("classpath*:decisions/*.dmn");
    }

    public static Map<String, byte[]> forms() {
        return read("classpath*:forms/*.form");
    }

    public static AgentCatalog catalog(RouteCatalogue routes) {
        return AgentCatalogs.of(decisions(), forms(), new PromptLibrary(), modelFeatures(), routes);
    }

    /** Model name → its feature names, from each {@code ml-models/<name>/model.json}. */
    public static Map<String, List<String>> modelFeatures() {
        Map<String, List<String>> features = new LinkedHashMap<>();
        read("classpath*:ml-models/*/model.json").values().forEach(bytes -> {
            try {
                JsonNode model = JSON.readTree(bytes);
                List<String> names = new ArrayList<>();
                model.path("features").forEach(f -> names.add(f.path("name").asText()));
                features.put(model.path("name").asText(), names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return features;
    }

    /** Packaged resources never change while the application runs: each pattern is read once. */
    private static final Map<String, Map<String, byte[]>> READ = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, byte[]> read(String pattern) {
        return READ.computeIfAbsent(pattern, ShippedAgents::readResources);
    }

    private static Map<String, byte[]> readResources(String pattern) {
        Map<String, byte[]> byName = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    byName.put(resource.getURL().getPath().replaceAll(".*/(processes|decisions|forms|ml-models)/", "$1/"), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
