package io.circuitos.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The app describes its own endpoints at /api/openapi.json: webhooks with their headers and answers, the imports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDescriptionNamesTheWebhookHeadersAndAnswersAndTheImports() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode api = new ObjectMapper().readTree(answer.body());
        assertThat(api.path("paths").has("/api/webhooks/{source}")).isTrue();
        assertThat(api.path("paths").has("/api/imports/customers")).isTrue();
        assertThat(api.path("paths").has("/api/imports/{eventType}")).isTrue();
        JsonNode webhook = api.at("/paths/~1api~1webhooks~1{source}/post");
        List<String> parameters = new ArrayList<>();
        webhook.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("source", "webhook-id", "webhook-timestamp", "webhook-signature");
        List<String> statuses = new ArrayList<>();
        webhook.path("responses").fieldNames().forEachRemaining(statuses::add);
        assertThat(statuses).contains("202", "400", "401", "404", "415", "429", "503");
    }
}
