package io.circuitos.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * An Ollama stand-in inside the test JVM that speaks the real {@code POST /api/chat} wire format:
 * request {@code {"model","messages","options","format","stream":false}}, answer
 * {@code {"message":{"role":"assistant","content":...},"done":true,"prompt_eval_count","eval_count"}}.
 * Replies are queued; when the queue is empty the default reply is used.
 */
public final class FakeOllama extends FakeChatServer<FakeOllama> {

    public record Reply(int status, String content, Duration delay, int promptTokens, int outputTokens, List<ToolCall> toolCalls) {

        public Reply(int status, String content, Duration delay, int promptTokens, int outputTokens) {
            this(status, content, delay, promptTokens, outputTokens, List.of());
        }

        public static Reply content(String content) {
            return new Reply(200, content, Duration.ZERO, 120, 80);
        }

        /** The model asks for tools instead of answering: each with its arguments as a JSON object's text. */
        public static Reply toolCalls(ToolCall... calls) {
            return new Reply(200, "", Duration.ZERO, 90, 20, List.of(calls));
        }

        public static Reply toolCall(String name, String arguments) {
            return toolCalls(new ToolCall(name, arguments));
        }

        public static Reply json(String subject, String body) {
            ObjectNode answer = new ObjectMapper().createObjectNode().put("subject", subject).put("body", body);
            return content(answer.toString());
        }

        public static Reply status(int status) {
            return new Reply(status, null, Duration.ZERO, 0, 0);
        }

        public Reply after(Duration delay) {
            return new Reply(status, content, delay, promptTokens, outputTokens, toolCalls);
        }
    }

    /** A tool the model asks for, with its arguments as JSON text. */
    public record ToolCall(String name, String arguments) {
    }

    public FakeOllama() throws IOException {
        super("/api/chat");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    byte[] failure(int status) {
        return "{\"error\":\"model failed\"}".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    byte[] answer(JsonNode request, Reply reply) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("model", "fake-model");
        answer.put("created_at", "2026-11-21T10:00:00Z");
        ObjectNode message = answer.putObject("message").put("role", "assistant").put("content", reply.content());
        if (!reply.toolCalls().isEmpty()) {
            var calls = message.putArray("tool_calls");
            for (ToolCall call : reply.toolCalls()) {
                calls.addObject().putObject("function").put("name", call.name()).set("arguments", JSON.readTree(call.arguments()));
            }
        }
        answer.put("done", true);
        answer.put("done_reason", "stop");
        answer.put("prompt_eval_count", reply.promptTokens());
        answer.put("eval_count", reply.outputTokens());
        return JSON.writeValueAsBytes(answer);
    }
}
