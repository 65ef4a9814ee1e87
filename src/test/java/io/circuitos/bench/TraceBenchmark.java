package io.circuitos.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Not a test: how long {@code GET /api/agents/{process}/runs/{businessKey}/trace} takes for a run of
 * 50 activities (a process of 48 intermediate events between start and end, deployed for the
 * purpose) and for a real lost-opportunity run. Run it through {@code bench/trace-metrics-benchmark.sh}.
 *
 * <p>Arguments: {@code baseUrl [calls=500] [lostOpportunityBusinessKey]}.
 */
public final class TraceBenchmark {

    private static final String PROCESS = "bench-trace-50";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

    private TraceBenchmark(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        TraceBenchmark bench = new TraceBenchmark(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        bench.deploy();
        String key = "TRACE-50-" + System.currentTimeMillis();
        int started = bench.post("/engine-rest/process-definition/key/" + PROCESS + "/start", "{\"businessKey\":\"" + key + "\"}");
        if (started != 200) {
            throw new IllegalStateException("cannot start " + PROCESS + ": " + started);
        }
        bench.measure("trace of a 50-activity run", PROCESS, key, calls);
        if (args.length > 2) {
            bench.measure("trace of a lost-opportunity run", "lost-opportunity", args[2], calls);
        }
    }

    private void measure(String label, String process, String businessKey, int calls) throws Exception {
        String path = "/api/agents/" + process + "/runs/" + businessKey + "/trace";
        HttpResponse<String> first = get(path);
        if (first.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + first.statusCode() + ": " + first.body());
        }
        int activities = first.body().split("\"activityId\"").length - 1;
        for (int i = 0; i < 50; i++) {
            get(path);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            get(path);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-35s %d calls, %d bytes, %d activityId fields: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                label, calls, first.body().length(), activities, nanos[calls / 2] / 1e6, nanos[(int) Math.min(calls - 1, calls * 0.99)] / 1e6,
                nanos[calls - 1] / 1e6);
    }

    private void deploy() throws Exception {
        StringBuilder bpmn = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
                  <process id="bench-trace-50" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                """);
        String previous = "start";
        for (int i = 1; i <= 48; i++) {
            bpmn.append("    <sequenceFlow id=\"f").append(i).append("\" sourceRef=\"").append(previous).append("\" targetRef=\"step").append(i)
                    .append("\"/>\n    <intermediateThrowEvent id=\"step").append(i).append("\" name=\"Step ").append(i).append("\"/>\n");
            previous = "step" + i;
        }
        bpmn.append("    <sequenceFlow id=\"fEnd\" sourceRef=\"").append(previous).append("\" targetRef=\"end\"/>\n    <endEvent id=\"end\"/>\n")
                .append("  </process>\n</definitions>\n");
        String boundary = "bench" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-trace\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-trace-50.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .header("Authorization", authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("cannot deploy " + PROCESS + ": " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
