package io.circuitos.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.SignedWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: fires N signed {@code opportunity.closed_lost} webhooks from C concurrent clients at a
 * running instance and prints accepted/s (the 202: stored in the inbox), p50/p99 latency and the time until
 * every instance has its band; in the same run, the engine's own REST start rate for a trivial async process on the same
 * database. Run it through {@code bench/intake-benchmark.sh}.
 *
 * <p>Arguments: {@code baseUrl n concurrency [adminUser adminPassword]}.
 */
public final class IntakeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIVIAL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
              <process id="bench-trivial-async" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start" camunda:asyncAfter="true"/>
                <sequenceFlow id="f" sourceRef="start" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    private IntakeBenchmark(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        IntakeBenchmark bench = new IntakeBenchmark(baseUrl, args.length > 3 ? args[3] : "demo", args.length > 4 ? args[4] : "demo");
        System.out.printf("circuitos intake benchmark: %s, n=%d, concurrency=%d%n", baseUrl, n, concurrency);

        bench.deployTrivialProcess();
        bench.run("warm-up REST start", Math.min(200, n), concurrency, i -> bench.restStart());
        Result rest = bench.run("engine REST start, trivial async process", n, concurrency, i -> bench.restStart());

        String run = Long.toString(System.currentTimeMillis(), 36);
        SignedWebhooks webhooks = new SignedWebhooks(baseUrl);
        long bandedBefore = bench.count("/engine-rest/history/variable-instance/count?variableName=band");
        int warmUp = Math.min(200, n);
        bench.run("warm-up webhooks", warmUp, concurrency,
                i -> queued(webhooks, SignedWebhooks.closedLost("BENCH-W-" + run + "-" + i)));
        Instant firstSent = Instant.now();
        Result intake = bench.run("webhook intake, opportunity.closed_lost", n, concurrency,
                i -> queued(webhooks, SignedWebhooks.closedLost("BENCH-" + run + "-" + i)));
        Duration untilBanded = bench.awaitBanded(bandedBefore + warmUp + n, firstSent);

        System.out.println();
        System.out.printf(Locale.ROOT, "engine REST start rate:  %8.1f starts/s (p50 %.1f ms, p99 %.1f ms)%n",
                rest.perSecond(), rest.p50(), rest.p99());
        System.out.printf(Locale.ROOT, "webhook intake:          %8.1f accepted/s (p50 %.1f ms, p99 %.1f ms), %d non-202%n",
                intake.perSecond(), intake.p50(), intake.p99(), intake.failures());
        System.out.printf(Locale.ROOT, "intake / REST start:     %8.2f x%n", intake.perSecond() / rest.perSecond());
        System.out.printf(Locale.ROOT, "all %d banded after:   %8.1f s from the first delivery%n", n, untilBanded.toMillis() / 1000.0);
    }

    record Result(double perSecond, double p50, double p99, int failures) {
    }

    /** The intake's own answer (202 once stored in the inbox), not a wait for the run. */
    private static int queued(SignedWebhooks webhooks, String body) throws Exception {
        return webhooks.sendQueued("crm", SignedWebhooks.CRM_SECRET, "msg_" + java.util.UUID.randomUUID(), Instant.now(), body).statusCode();
    }

    interface Call {
        int call(int i) throws Exception;
    }

    private Result run(String label, int n, int concurrency, Call call) throws Exception {
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = call.call(i);
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies[i] = System.nanoTime() - t0;
                    if (status != 202 && status != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        Arrays.sort(latencies);
        Result result = new Result(n / seconds, latencies[(int) (n * 0.50)] / 1e6, latencies[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
                failures.get());
        System.out.printf(Locale.ROOT, "%-45s %6d calls in %6.2f s = %8.1f/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%n",
                label, n, seconds, result.perSecond(), result.p50(), result.p99(), result.failures());
        return result;
    }

    private int restStart() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/process-definition/key/bench-trivial-async/start"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void deployTrivialProcess() throws Exception {
        String boundary = "bench" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-trivial-async.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + TRIVIAL + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .header("Authorization", authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("cannot deploy the trivial process: " + response.statusCode() + " " + response.body());
        }
    }

    private long count(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("count").asLong();
    }

    private Duration awaitBanded(long expected, Instant since) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            if (count("/engine-rest/history/variable-instance/count?variableName=band") >= expected) {
                return Duration.between(since, Instant.now());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not every instance was banded within 10 minutes");
    }
}
