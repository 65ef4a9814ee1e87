package io.circuitos.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

/** Sends Standard Webhooks deliveries the way a CRM would: signed with the source's secret. */
public final class SignedWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String CRM_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jcm0tc2VjcmV0LTAx";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public SignedWebhooks(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Sends a signed delivery and, when the route queues it, waits as the sender's integration would until the drainer
     * started it (or gave up): the answer then carries the run, as a route that starts in the request answers at once.
     * {@link #sendQueued} gives the intake's own answer.
     */
    public HttpResponse<String> send(String source, String secret, String id, Instant timestamp, String body) throws Exception {
        return settled(source, id, sendQueued(source, secret, id, timestamp, body));
    }

    /** The intake's own answer to a signed delivery: 202 {@code queued} for a route that starts in the inbox. */
    public HttpResponse<String> sendQueued(String source, String secret, String id, Instant timestamp, String body) throws Exception {
        long seconds = timestamp.getEpochSecond();
        String signature = new Webhook(secret).sign(id, seconds, body);
        return post(source, body, id, Long.toString(seconds), signature);
    }

    /** What the delivery became, from {@code GET /api/webhooks/{source}/deliveries/{id}} (as the demo admin). */
    public JsonNode status(String source, String id) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/" + source + "/deliveries/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET delivery " + id + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** A queued delivery's answer once its run started: the intake's answer with the run, outcome and activeRun filled in. */
    public HttpResponse<String> settled(String source, String id, HttpResponse<String> answer) throws Exception {
        if (answer.statusCode() != 202 || !"queued".equals(JSON.readTree(answer.body()).path("outcome").asText())) {
            return answer;
        }
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode status = status(source, id);
        while ("queued".equals(status.path("status").asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("delivery " + id + " still queued after 60 s: " + status);
            }
            Thread.sleep(10);
            status = status(source, id);
        }
        ObjectNode settled = (ObjectNode) JSON.readTree(answer.body());
        String outcome = status.path("outcome").asText();
        settled.set("processInstanceId", status.get("processInstanceId"));
        settled.put("outcome", outcome);
        settled.put("activeRun", "continued".equals(outcome) || "ignored-active-run".equals(outcome));
        String body = settled.toString();
        return new HttpResponse<>() {
            public int statusCode() {
                return answer.statusCode();
            }

            public HttpRequest request() {
                return answer.request();
            }

            public java.util.Optional<HttpResponse<String>> previousResponse() {
                return java.util.Optional.of(answer);
            }

            public java.net.http.HttpHeaders headers() {
                return answer.headers();
            }

            public String body() {
                return body;
            }

            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return answer.sslSession();
            }

            public URI uri() {
                return answer.uri();
            }

            public HttpClient.Version version() {
                return answer.version();
            }
        };
    }

    public HttpResponse<String> sendCrm(String body) throws Exception {
        return send("crm", CRM_SECRET, "msg_" + UUID.randomUUID(), Instant.now(), body);
    }

    public HttpResponse<String> post(String source, String body, String id, String timestamp, String signature) throws Exception {
        return post(source, body, id, timestamp, signature, "application/json");
    }

    /** Signed with {@code secret} like {@link #send}, declaring {@code contentType}. */
    public HttpResponse<String> sendAs(String contentType, String source, String secret, String id, String body) throws Exception {
        long seconds = Instant.now().getEpochSecond();
        return settled(source, id, post(source, body, id, Long.toString(seconds), new Webhook(secret).sign(id, seconds, body), contentType));
    }

    public HttpResponse<String> post(String source, String body, String id, String timestamp, String signature, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/" + source))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (id != null) {
            request.header("webhook-id", id);
        }
        if (timestamp != null) {
            request.header("webhook-timestamp", timestamp);
        }
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A valid {@code opportunity.closed_lost} event for the urgent sample opportunity. */
    public static String closedLost(String opportunityId) {
        return """
                {"type": "opportunity.closed_lost", "timestamp": "2026-11-20T09:00:00Z",
                 "data": {"opportunityId": "%s", "amount": 48000, "lossReason": "competitor", "competitor": "GymFlow",
                          "account": {"name": "Northwind Fitness"},
                          "contact": {"name": "Dana Whitfield", "email": "dana@northwind.example", "age": 34,
                                      "job": "management", "maritalStatus": "single", "education": "university.degree",
                                      "creditDefault": "no", "housingLoan": "no", "personalLoan": "no"},
                          "lastContact": {"channel": "cellular", "month": "oct", "weekday": "tue"},
                          "history": {"contactsThisCampaign": 1, "daysSinceLastContact": 6, "previousContacts": 2,
                                      "previousOutcome": "success"}}}
                """.formatted(opportunityId);
    }
}
