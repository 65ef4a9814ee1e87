package io.circuitos.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The LLM as a case scripts it: each call answers the next reply, a text (a mapping is sent as its JSON) or a tool call
 * ({@code {tool: name, arguments: {...}}}); once the script is spent the model is unreachable, as a real outage would be.
 */
final class ScriptedChatModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deque<Object> replies;
    private int calls;

    ScriptedChatModel(List<Object> replies) {
        this.replies = new ArrayDeque<>(replies);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Object reply = replies.poll();
        if (reply == null) {
            throw new IllegalStateException("the case scripted no more LLM replies");
        }
        calls++;
        return ChatResponse.builder().aiMessage(message(reply)).build();
    }

    private AiMessage message(Object reply) {
        if (reply instanceof Map<?, ?> map && map.containsKey("tool")) {
            return AiMessage.from(List.of(ToolExecutionRequest.builder().id("case-call-" + calls).name(String.valueOf(map.get("tool")))
                    .arguments(json(map.get("arguments") == null ? Map.of() : map.get("arguments"))).build()));
        }
        return AiMessage.from(reply instanceof String text ? text : json(reply));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an LLM reply of the case cannot be written as JSON", e);
        }
    }
}
