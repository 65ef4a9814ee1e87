package io.circuitos.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way to the model: renders a versioned prompt, asks the providers of the prompt's tier in order for
 * JSON matching the template's fields (or for the tools it wants called), parses the answer and measures the
 * call. A provider that refuses the connection, times out or answers 429 or 5xx hands the call to the next;
 * each has its own circuit breaker, so one that keeps failing is skipped at once. The client never retries
 * (the engine's job retry cycle does).
 */
public class LlmGateway {

    private final LlmProviders providers;
    private final ObjectMapper json = new ObjectMapper();

    public LlmGateway(LlmProviders providers) {
        this.providers = providers;
    }

    /** What a rep reads on a form or a draft: no property names. */
    public static final String NOT_CONFIGURED = "no AI model is configured";

    public boolean configured() {
        return providers.any();
    }

    public LlmProviders providers() {
        return providers;
    }

    public LlmAnswer complete(PromptTemplate template, Map<String, Object> variables) {
        LlmTurn turn = chat(template, List.of(SystemMessage.from(Templates.render(template.system(), variables)),
                UserMessage.from(Templates.render(template.user(), variables))), List.of());
        LlmAnswer call = answer(template, turn);
        return parse(template, turn.message() == null ? null : turn.message().text(), call);
    }

    /** The call as made, without fields yet. */
    public static LlmAnswer answer(PromptTemplate template, LlmTurn turn) {
        return new LlmAnswer(Map.of(), template.reference(), turn.model(), turn.latencyMs(), turn.promptTokens(), turn.outputTokens(),
                turn.provider(), turn.failover());
    }

    /**
     * One model call with these messages, offering these tools (none: the model must answer with the template's JSON).
     *
     * @throws LlmUnavailableException when no provider answered: {@code retryable} when one failed in a way that may pass
     */
    public LlmTurn chat(PromptTemplate template, List<ChatMessage> messages, List<ToolSpecification> tools) {
        List<LlmProvider> chain = providers.chain(template.tier());
        if (chain.isEmpty()) {
            throw new LlmUnavailableException(NOT_CONFIGURED, false, null); // the property is named in the log at start-up
        }
        ChatRequest.Builder request = ChatRequest.builder().messages(messages).responseFormat(responseFormat(template));
        if (!tools.isEmpty()) {
            request.toolSpecifications(tools);
        }
        ChatRequest built = request.build();
        List<String> failover = new ArrayList<>();
        RuntimeException last = null;
        boolean retryable = false;
        for (LlmProvider provider : chain) {
            if (!provider.breaker().tryAcquirePermission()) {
                failover.add(provider.name() + ": circuit open after repeated failures");
                continue;
            }
            long started = System.nanoTime();
            ChatResponse response;
            try {
                response = provider.model().chat(built);
            } catch (RuntimeException e) {
                provider.breaker().onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                Optional<String> reason = Failover.reason(e);
                failover.add(provider.name() + ": " + reason.orElse(describe(e)));
                if (reason.isEmpty()) {
                    throw new LlmUnavailableException("LLM call to " + provider.name() + " failed: " + describe(e), false, e, failover);
                }
                last = e;
                retryable = true;
                continue;
            }
            long elapsed = System.nanoTime() - started;
            provider.breaker().onSuccess(elapsed, TimeUnit.NANOSECONDS);
            TokenUsage usage = response.tokenUsage();
            return new LlmTurn(response.aiMessage(), provider.name(), provider.modelName(), TimeUnit.NANOSECONDS.toMillis(elapsed),
                    usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                    usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(), List.copyOf(failover));
        }
        String message = last == null ? "LLM circuit open after repeated failures" : "LLM call failed: " + describe(last);
        throw new LlmUnavailableException(chain.size() > 1 ? "every LLM provider failed: " + String.join("; ", failover) : message,
                retryable, last, failover);
    }

    /** The model's answer parsed into the template's fields. */
    public LlmAnswer parse(PromptTemplate template, LlmTurn turn) {
        return parse(template, turn.message() == null ? null : turn.message().text(), answer(template, turn));
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
            if (value == null || !value.isTextual()) {
                throw new LlmOutputException("answer has no text field '" + field + "'", call);
            }
            if (value.asText().isBlank() && !template.isOptional(field)) {
                throw new LlmOutputException("answer field '" + field + "' is empty", call);
            }
            fields.put(field, value.asText().trim());
        }
        return call.with(fields);
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
