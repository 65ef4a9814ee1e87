package io.circuitos.llm;

/** The model answered, but not with the JSON the template asks for. */
public class LlmOutputException extends RuntimeException {

    private final LlmAnswer answer;

    public LlmOutputException(String message, LlmAnswer answer) {
        super(message);
        this.answer = answer;
    }

    /** The call as made (template, model, latency, tokens), without usable fields. */
    public LlmAnswer answer() {
        return answer;
    }
}
