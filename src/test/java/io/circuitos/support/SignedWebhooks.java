package io.circuitos.support;

import com.standardwebhooks.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

/** Sends Standard Webhooks deliveries the way a CRM would: signed with the source's secret. */
public final class SignedWebhooks {

    public static final String CRM_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jcm0tc2VjcmV0LTAx";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public SignedWebhooks(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> send(String source, String secret, String id, Instant timestamp, String body) throws Exception {
        long seconds = timestamp.getEpochSecond();
        String signature = new Webhook(secret).sign(id, seconds, body);
        return post(source, body, id, Long.toString(seconds), signature);
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
        return post(source, body, id, Long.toString(seconds), new Webhook(secret).sign(id, seconds, body), contentType);
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
