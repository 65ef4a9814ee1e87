package io.circuitos.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.circuitos.support.FakeOllama.Reply;
import io.circuitos.support.FakeOllama.ToolCall;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat API inside the test JVM that speaks the real wire format of
 * {@code POST /v1/chat/completions}: request {@code {"model","messages","tools","response_format",...}}, answer
 * {@code {"id","object":"chat.completion","choices":[{"message":{"role":"assistant","content"|"tool_calls"},
 * "finish_reason"}],"usage":{"prompt_tokens","completion_tokens","total_tokens"}}}. Replies are queued, scripted
 * or the default, as with {@link FakeOllama}; a status other than 200 answers with an OpenAI error body.
 */
public final class FakeOpenAi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Reply defaultReply = Reply.json("Picking up where we left off", "Hi, would a short call next week work?");
    private volatile Function<JsonNode, Reply> script;

    public FakeOpenAi() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Reply reply = replies.poll();
            if (reply == null && script != null) {
                reply = script.apply(request);
            }
            if (reply == null) {
                reply = defaultReply;
            }
            try {
                Thread.sleep(reply.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = reply.status() == 200 ? answer(request, reply)
                    : ("{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\",\"code\":" + reply.status() + "}}")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(reply.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException clientGone) {
                // the client timed out and closed the connection
            }
        });
        server.start();
    }

    /** What {@code circuitos.llm.providers.<name>.base-url} is set to: the client appends {@code /chat/completions}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public FakeOpenAi enqueue(Reply... queued) {
        replies.addAll(List.of(queued));
        return this;
    }

    public void answerByDefault(Reply reply) {
        this.defaultReply = reply;
    }

    public void answerWith(Function<JsonNode, Reply> model) {
        this.script = model;
    }

    public List<JsonNode> requests() {
        return requests;
    }

    /** The Authorization header of each request, in order. */
    public List<String> authorizations() {
        return authorizations;
    }

    public void reset() {
        replies.clear();
        requests.clear();
        authorizations.clear();
        script = null;
    }

    private byte[] answer(JsonNode request, Reply reply) throws IOException {
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

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
