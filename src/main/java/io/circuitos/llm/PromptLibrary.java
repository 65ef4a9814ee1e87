package io.circuitos.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/** The prompt templates packaged from the top-level {@code prompts/} folder, by id and version. */
public class PromptLibrary {

    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+)\\.v(\\d+)\\.yaml");
    private final Map<String, PromptTemplate> byReference = new ConcurrentHashMap<>();

    public PromptLibrary() {
        this("classpath*:prompts/*.yaml");
    }

    /** The prompts at another location (e.g. the case books' judge, which is no prompt an agent may use). */
    public PromptLibrary(String locationPattern) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                Matcher name = FILE.matcher(String.valueOf(resource.getFilename()));
                if (name.matches()) {
                    try (InputStream in = resource.getInputStream()) {
                        PromptTemplate template = parse(in, name.group(1), Integer.parseInt(name.group(2)));
                        byReference.put(template.reference(), template);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every version of every prompt. */
    public java.util.Collection<PromptTemplate> all() {
        return java.util.List.copyOf(byReference.values());
    }

    /** Whether {@code get(reference)} finds a prompt. */
    public boolean exists(String reference) {
        return byReference.containsKey(reference) || byReference.values().stream().anyMatch(t -> t.id().equals(reference));
    }

    /** {@code id} for the highest version, or {@code id.vN} for that one. */
    public PromptTemplate get(String reference) {
        if (byReference.containsKey(reference)) {
            return byReference.get(reference);
        }
        Optional<PromptTemplate> latest = byReference.values().stream()
                .filter(t -> t.id().equals(reference))
                .max(Comparator.comparingInt(PromptTemplate::version));
        return latest.orElseThrow(() -> new IllegalArgumentException("no prompt template " + reference + " in prompts/"));
    }

    @SuppressWarnings("unchecked")
    static PromptTemplate parse(InputStream yaml, String id, int version) {
        Map<String, Object> doc = new Yaml().load(yaml);
        if (!id.equals(doc.get("id")) || version != ((Number) doc.get("version")).intValue()) {
            throw new IllegalStateException("prompt " + id + ".v" + version + ": id/version inside the file do not match its name");
        }
        Map<String, String> output = new LinkedHashMap<>();
        ((Map<String, Object>) doc.get("output")).forEach((field, type) -> output.put(field, String.valueOf(type)));
        Object tier = doc.get("tier");
        return new PromptTemplate(id, version, (String) doc.get("system"), (String) doc.get("user"), output,
                tier == null ? null : tier.toString().trim());
    }
}
