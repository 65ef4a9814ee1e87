package io.circuitos.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.circuitos.drafting.Templates;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way to the model: renders a versioned prompt, asks Ollama for JSON matching the
 * template's fields, parses the answer and measures the call. The client never retries (the engine's
 * job retry cycle does); a circuit breaker stops asking while the model keeps failing, so callers
 * can fall back at once.
 */
public class LlmGateway {

    private final ChatModel model;
    private final String modelName;
    private final CircuitBreaker breaker;
    private final ObjectMapper json = new ObjectMapper();

    /** @param model null when no LLM is configured */
    public LlmGateway(ChatModel model, String modelName, CircuitBreaker breaker) {
        this.model = model;
        this.modelName = modelName;
        this.breaker = breaker;
    }

    /** What a rep reads on a form or a draft: no property names. */
    public static final String NOT_CONFIGURED = "no AI model is configured";

    public boolean configured() {
        return model != null;
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    public LlmAnswer complete(PromptTemplate template, Map<String, Object> variables) {
        if (model == null) {
            throw new LlmUnavailableException(NOT_CONFIGURED, false, null); // the property is named in the log at start-up
        }
        if (!breaker.tryAcquirePermission()) {
            throw new LlmUnavailableException("LLM circuit open after repeated failures", false, null);
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(Templates.render(template.system(), variables)),
                        UserMessage.from(Templates.render(template.user(), variables)))
                .responseFormat(responseFormat(template))
                .build();
        long started = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            throw new LlmUnavailableException("LLM call failed: " + describe(e), true, e);
        }
        long elapsed = System.nanoTime() - started;
        breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        TokenUsage usage = response.tokenUsage();
        LlmAnswer call = new LlmAnswer(Map.of(), template.reference(), modelName, TimeUnit.NANOSECONDS.toMillis(elapsed),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
        return parse(template, response.aiMessage() == null ? null : response.aiMessage().text(), call);
    }

    private LlmAnswer parse(PromptTemplate template, String text, LlmAnswer call) {
        JsonNode answer;
        try {
            answer = text == null ? null : json.readTree(text);
        } catch (Exception e) {
            throw new LlmOutputException("answer is not JSON", call);
        }
        if (answer == null || !answer.isObject()) {
            throw new LlmOutputException("answer is not a JSON object", call);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : template.outputFields()) {
            JsonNode value = answer.get(field);
            if (template.isNumber(field)) {
                if (value == null || !(value.isNumber() || isNumeric(value.asText()))) {
                    throw new LlmOutputException("answer has no number field '" + field + "'", call);
                }
                fields.put(field, value.asText().trim());
                continue;
            }
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new LlmOutputException("answer has no text field '" + field + "'", call);
            }
            fields.put(field, value.asText().trim());
        }
        return new LlmAnswer(fields, call.template(), call.model(), call.latencyMs(), call.promptTokens(), call.outputTokens());
    }

    private static boolean isNumeric(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ResponseFormat responseFormat(PromptTemplate template) {
        JsonObjectSchema.Builder root = JsonObjectSchema.builder();
        template.outputFields().forEach(field -> {
            if (template.isNumber(field)) {
                root.addNumberProperty(field);
            } else {
                root.addStringProperty(field);
            }
        });
        root.required(template.outputFields());
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(template.id()).rootElement(root.build()).build())
                .build();
    }

    /**
     * The cause chain by class name, e.g. "RuntimeException > ConnectException > ClosedChannelException":
     * LangChain4j 1.x reports a refused connection as a plain RuntimeException(ConnectException).
     */
    static String describe(Throwable e) {
        StringBuilder chain = new StringBuilder(e.getClass().getSimpleName());
        String message = e.getMessage();
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && cause != e && depth < 5; depth++, cause = cause.getCause()) {
            chain.append(" > ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? chain.toString() : chain + ": " + message;
    }
}
