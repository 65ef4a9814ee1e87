package io.circuitos.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.support.FakeOllama.Reply;
import io.circuitos.support.FakeOllama.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat API inside the test JVM that speaks the real wire format of
 * {@code POST /v1/chat/completions}: request {@code {"model","messages","tools","response_format",...}}, answer
 * {@code {"id","object":"chat.completion","choices":[{"message":{"role":"assistant","content"|"tool_calls"},
 * "finish_reason"}],"usage":{"prompt_tokens","completion_tokens","total_tokens"}}}. Replies are queued, scripted
 * or the default, as with {@link FakeOllama}; a status other than 200 answers with an OpenAI error body.
 */
public final class FakeOpenAi extends FakeChatServer<FakeOpenAi> {

    private final AtomicInteger ids = new AtomicInteger();

    public FakeOpenAi() throws IOException {
        super("/v1/chat/completions");
    }

    /** What {@code circuitos.llm.providers.<name>.base-url} is set to: the client appends {@code /chat/completions}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    @Override
    byte[] failure(int status) {
        return ("{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\",\"code\":" + status + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    byte[] answer(JsonNode request, Reply reply) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", "chatcmpl-" + ids.incrementAndGet());
        answer.put("object", "chat.completion");
        answer.put("created", 1_764_000_000L);
        answer.put("model", request.path("model").asText("fake-model"));
        ArrayNode choices = answer.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (reply.toolCalls().isEmpty()) {
            message.put("content", reply.content());
            choice.put("finish_reason", "stop");
        } else {
            message.putNull("content");
            ArrayNode calls = message.putArray("tool_calls");
            for (ToolCall call : reply.toolCalls()) {
                ObjectNode toolCall = calls.addObject();
                toolCall.put("id", "call_" + ids.incrementAndGet());
                toolCall.put("type", "function");
                toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
            choice.put("finish_reason", "tool_calls");
        }
        answer.putObject("usage").put("prompt_tokens", reply.promptTokens()).put("completion_tokens", reply.outputTokens())
                .put("total_tokens", reply.promptTokens() + reply.outputTokens());
        return JSON.writeValueAsBytes(answer);
    }
}
