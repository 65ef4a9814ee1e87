package io.circuitos.llm;

import java.util.List;
import java.util.Map;

/**
 * A versioned prompt: {@code prompts/<id>.v<version>.yaml} with a system and a user message
 * ({@code {{variable}}} placeholders), the fields of the JSON answer it asks for, and its {@code tier}
 * (the provider chain {@code circuitos.llm.tiers.<tier>} asks; none: every provider in order).
 */
public record PromptTemplate(String id, int version, String system, String user, Map<String, String> output, String tier) {

    public PromptTemplate(String id, int version, String system, String user, Map<String, String> output) {
        this(id, version, system, user, output, null);
    }

    public String reference() {
        return id + ".v" + version;
    }

    /** Text fields declared {@code optional string}: the model may leave them empty (say, no article helped). */
    public boolean isOptional(String field) {
        return "optional string".equals(output.get(field));
    }

    /** Output fields declared {@code number} in the prompt file; all others are text. */
    public boolean isNumber(String field) {
        return "number".equals(output.get(field));
    }

    public List<String> outputFields() {
        return List.copyOf(output.keySet());
    }
}
