package io.circuitos.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.drafting.Templates;
import io.circuitos.intake.FieldMapping;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.llm.PromptTemplate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Builds the {@link AgentCatalog} from resources: DMN and form files, the prompt library, the packaged templates, model features and routes. */
public final class AgentCatalogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentCatalogs() {
    }

    public static AgentCatalog of(Map<String, byte[]> decisions, Map<String, byte[]> forms, PromptLibrary prompts,
                                  Map<String, List<String>> modelFeatures, RouteCatalogue routes) {
        return new AgentCatalog(decisionInputs(decisions), formFields(forms), prompts(prompts), packagedTemplates(), modelFeatures,
                routes(routes));
    }

    public static Map<String, Set<String>> decisionInputs(Map<String, byte[]> decisions) {
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        decisions.forEach((name, bytes) -> {
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                Set<String> reads = new LinkedHashSet<>();
                decision.getModelInstance().getModelElementsByType(InputExpression.class)
                        .forEach(input -> reads.addAll(ExpressionNames.readBody(input.getTextContent())));
                byKey.put(decision.getId(), reads);
            }
        });
        return byKey;
    }

    public static Map<String, List<AgentCatalog.FormField>> formFields(Map<String, byte[]> forms) {
        Map<String, List<AgentCatalog.FormField>> byId = new LinkedHashMap<>();
        forms.forEach((name, bytes) -> {
            try {
                JsonNode form = JSON.readTree(bytes);
                List<AgentCatalog.FormField> fields = new ArrayList<>();
                collectFields(form.path("components"), fields);
                byId.put(form.path("id").asText(name), fields);
            } catch (IOException e) {
                throw new UncheckedIOException(name + " is not a form", e);
            }
        });
        return byId;
    }

    private static void collectFields(JsonNode components, List<AgentCatalog.FormField> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                fields.add(new AgentCatalog.FormField(component.get("key").asText(), component.path("readonly").asBoolean(false),
                        component.path("properties").path("recordOnly").asText("false").equals("true")));
            }
            collectFields(component.path("components"), fields);
        }
    }

    static Map<String, AgentCatalog.Prompt> prompts(PromptLibrary library) {
        Map<String, AgentCatalog.Prompt> byId = new LinkedHashMap<>();
        for (PromptTemplate prompt : library.all()) {
            byId.put(prompt.reference(), prompt(prompt));
            byId.put(prompt.id(), prompt(library.get(prompt.id())));
        }
        return byId;
    }

    private static AgentCatalog.Prompt prompt(PromptTemplate prompt) {
        return new AgentCatalog.Prompt(Templates.placeholders(prompt.system() + "\n" + prompt.user()), Set.copyOf(prompt.outputFields()));
    }

    /** Template id → the placeholders of all its variants, from {@code templates/<id>/*.txt} on the class path. */
    static Map<String, Set<String>> packagedTemplates() {
        Map<String, Set<String>> byId = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*/*.txt")) {
                String path = resource.getURL().getPath();
                String[] parts = path.split("/");
                String id = parts[parts.length - 2];
                try (InputStream in = resource.getInputStream()) {
                    byId.computeIfAbsent(id, k -> new LinkedHashSet<>())
                            .addAll(Templates.placeholders(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    static List<AgentCatalog.Route> routes(RouteCatalogue routes) {
        return routes.routes().stream().map(r -> new AgentCatalog.Route(r.type(), r.processKey(), r.handler(), r.businessKey(),
                r.fields().stream().map(FieldMapping::name).toList())).toList();
    }
}
