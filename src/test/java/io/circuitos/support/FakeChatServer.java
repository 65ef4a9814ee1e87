package io.circuitos.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.circuitos.support.FakeOllama.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A model's chat API inside the test JVM: one POST path, replies queued, scripted ({@link #answerWith}) or the
 * default, each after its delay; the wire format of the answer is the subclass's ({@link FakeOllama},
 * {@link FakeOpenAi}).
 */
abstract class FakeChatServer<S extends FakeChatServer<S>> implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Reply defaultReply = Reply.json("Picking up where we left off", "Hi, would a short call next week work?");
    private volatile Function<JsonNode, Reply> script;

    FakeChatServer(String path) throws IOException {
        // without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: +40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext(path, exchange -> {
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
            sleep(reply);
            byte[] body = reply.status() == 200 ? answer(request, reply) : failure(reply.status());
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

    /** The answer to {@code request} in the API's wire format. */
    abstract byte[] answer(JsonNode request, Reply reply) throws IOException;

    /** The API's error body for a status other than 200. */
    abstract byte[] failure(int status);

    int port() {
        return server.getAddress().getPort();
    }

    @SuppressWarnings("unchecked")
    public S enqueue(Reply... queued) {
        replies.addAll(List.of(queued));
        return (S) this;
    }

    public void answerByDefault(Reply reply) {
        this.defaultReply = reply;
    }

    /**
     * A model that decides from what it is sent (the request's {@code messages}, {@code tools}): asked when no reply is
     * queued; null from it falls back to the default reply. Tests script a model that obeys what a customer wrote.
     */
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
        defaultReply = Reply.json("Picking up where we left off", "Hi, would a short call next week work?");
    }

    private static void sleep(Reply reply) {
        try {
            Thread.sleep(reply.delay().toMillis());
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
