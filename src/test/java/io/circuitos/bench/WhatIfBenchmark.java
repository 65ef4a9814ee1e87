package io.circuitos.bench;

import io.circuitos.deployments.ShippedAgents;
import io.circuitos.support.RunningApp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.DecisionService;

/**
 * Not a test: records N evaluations of {@code lost-opportunity-band} (default 10,000) in the app's
 * history, then times {@code POST /api/decisions/lost-opportunity-band/what-if} with a moved
 * threshold. Run it through {@code bench/what-if-benchmark.sh}. Arguments: {@code jdbcUrl [n]}.
 */
public final class WhatIfBenchmark {

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args.length > 0 ? args[0] : "jdbc:h2:mem:what-if-bench;DB_CLOSE_DELAY=-1";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (RunningApp app = RunningApp.start(jdbcUrl, false)) {
            DecisionService decisions = app.bean(DecisionService.class);
            Random random = new Random(1);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                decisions.evaluateDecisionByKey("lost-opportunity-band").variables(Map.of("reactivationScore", random.nextDouble() * 100))
                        .evaluate();
            }
            System.out.printf(Locale.ROOT, "recorded %d evaluations in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            String candidate = new String(ShippedAgents.decisions().get("decisions/lost-opportunity-band.dmn"), StandardCharsets.UTF_8)
                    .replace("<text>&gt;= 80</text>", "<text>&gt;= 90</text>").replace("<text>[60..80[</text>", "<text>[60..90[</text>");
            for (int round = 1; round <= 3; round++) {
                long start = System.nanoTime();
                HttpResponse<String> response = whatIf(app.baseUrl(), candidate);
                double seconds = (System.nanoTime() - start) / 1e9;
                String body = response.body();
                System.out.printf(Locale.ROOT, "what-if round %d: HTTP %d in %.2f s; %s%n", round, response.statusCode(), seconds,
                        body.substring(0, Math.min(body.length(), 160)).replaceAll("\\s+", " "));
            }
        }
    }

    private static HttpResponse<String> whatIf(String baseUrl, String dmn) throws Exception {
        String boundary = "bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"candidate.dmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/decisions/lost-opportunity-band/what-if"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
