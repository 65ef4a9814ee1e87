package io.circuitos.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An Ollama stand-in inside the test JVM that speaks the real {@code POST /api/chat} wire format:
 * request {@code {"model","messages","options","format","stream":false}}, answer
 * {@code {"message":{"role":"assistant","content":...},"done":true,"prompt_eval_count","eval_count"}}.
 * Replies are queued; when the queue is empty the default reply is used.
 */
public final class FakeOllama implements AutoCloseable {

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService handlers = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Reply defaultReply = Reply.json("Picking up where we left off", "Hi, would a short call next week work?");
    private volatile java.util.function.Function<JsonNode, Reply> script;

    public FakeOllama() throws IOException {
        // without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: +40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/api/chat", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            Reply reply = replies.poll();
            if (reply == null && script != null) {
                reply = script.apply(request);
            }
            if (reply == null) {
                reply = defaultReply;
            }
            sleep(reply.delay());
            byte[] body = reply.status() == 200 ? answer(reply) : "{\"error\":\"model failed\"}".getBytes(StandardCharsets.UTF_8);
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

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeOllama enqueue(Reply... queued) {
        replies.addAll(List.of(queued));
        return this;
    }

    public void answerByDefault(Reply reply) {
        this.defaultReply = reply;
    }

    /**
     * A model that decides from what it is sent (the request's {@code messages}, {@code tools}): asked when no reply is
     * queued; null from it falls back to the default reply. Tests script a model that obeys what a customer wrote.
     */
    public void answerWith(java.util.function.Function<JsonNode, Reply> model) {
        this.script = model;
    }

    public List<JsonNode> requests() {
        return requests;
    }

    public void reset() {
        replies.clear();
        requests.clear();
        script = null;
        defaultReply = Reply.json("Picking up where we left off", "Hi, would a short call next week work?");
    }

    private static byte[] answer(Reply reply) throws IOException {
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

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow(); // ends replies still waiting out their delay
    }
}
