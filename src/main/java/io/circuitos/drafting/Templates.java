package io.circuitos.drafting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic text from {@code templates/<templateId>/<variant>.txt} (falling back to {@code default.txt}),
 * with {@code {{variable}}} (or {@code {{variable|fallback}}}) replaced by the given values: the
 * {@code draftFromTemplate} task's text, the LLM's fallback, and how prompts are filled in.
 *
 * <p>{@code {{quoted:variable}}} writes the value as a JSON string literal (quotes, backslashes and line
 * breaks escaped): prompts put text a customer wrote into a data block this way, and the text cannot
 * close the string or start a line of its own to pose as an instruction.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(quoted\\s*:\\s*)?([A-Za-z0-9_]+)\\s*(?:\\|([^}]*))?}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {
    }

    /** The variable names a template's {@code {{placeholders}}} read. */
    public static java.util.Set<String> placeholders(String template) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(2));
        }
        return names;
    }

    /** The deterministic text of a template for these variables (also the LLM's fallback). */
    public static String draft(String templateId, String variant, Map<String, Object> variables) {
        return render(load(templateId, variant), variables);
    }

    public static String render(String template, Map<String, Object> variables) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = variables.get(matcher.group(2));
            String fallback = matcher.group(3) == null ? "" : matcher.group(3).trim();
            String text = value == null || value.toString().isBlank() ? fallback : value.toString();
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) == null ? text : quoted(text)));
        }
        matcher.appendTail(out);
        return out.toString().trim();
    }

    /** The text as one JSON string literal. */
    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    static String load(String templateId, String variant) {
        if (!templateId.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("invalid template id " + templateId);
        }
        if (variant != null) {
            String key = variant.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            String text = read("templates/" + templateId + "/" + key + ".txt");
            if (text != null) {
                return text;
            }
        }
        String fallback = read("templates/" + templateId + "/default.txt");
        if (fallback == null) {
            throw new IllegalArgumentException("no template " + templateId);
        }
        return fallback;
    }

    /** Templates are packaged resources: read each once, not on every draft (jar lookups showed in profiles). */
    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private static String read(String resource) {
        return CACHE.computeIfAbsent(resource, Templates::readResource).orElse(null);
    }

    private static Optional<String> readResource(String resource) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
