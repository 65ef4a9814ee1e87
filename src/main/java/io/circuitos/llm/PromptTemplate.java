package io.circuitos.llm;

import java.util.List;
import java.util.Map;

/**
 * A versioned prompt: {@code prompts/<id>.v<version>.yaml} with a system and a user message
 * ({@code {{variable}}} placeholders) and the fields of the JSON answer it asks for.
 */
public record PromptTemplate(String id, int version, String system, String user, Map<String, String> output) {

    public String reference() {
        return id + ".v" + version;
    }

    /** Output fields declared {@code number} in the prompt file; all others are text. */
    public boolean isNumber(String field) {
        return "number".equals(output.get(field));
    }

    public List<String> outputFields() {
        return List.copyOf(output.keySet());
    }
}
