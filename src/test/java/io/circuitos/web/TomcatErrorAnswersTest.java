package io.circuitos.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Requests Tomcat refuses before Spring sees them (oversized headers, malformed request lines and headers)
 * are answered on {@code /api/**} in the JSON problem shape, over a real socket on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TomcatErrorAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BIG = "a".repeat(60 * 1024);

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one 60 KB header | POST /api/webhooks/crm HTTP/1.1~Host: x~X-Big: BIG~Content-Length: 2~~{} | headers",
            "headers over 16 KB in all | POST /api/webhooks/crm HTTP/1.1~Host: x~MANY~Content-Length: 2~~{} | headers",
            "a 60 KB request target | GET /api/webhooks/crm?q=BIG HTTP/1.1~Host: x~~ | headers",
            "an illegal character in the request target | GET /api/webhooks/crm?q=<x> HTTP/1.1~Host: x~~ | ",
            "a header name with a space | POST /api/webhooks/crm HTTP/1.1~Host: x~Bad Name: 1~Content-Length: 2~~{} | ",
            "a request line that is not HTTP | \\u0001\\u0002 nonsense~~ | "})
    void tomcatsOwnRefusalIsAJsonProblem(String what, String request, String field) throws Exception {
        // ~ is CR LF, BIG 60 KB, MANY a hundred 200-byte headers (over 16 KB together)
        String raw = request.replace("MANY~", ("X-Many: " + "b".repeat(200) + "~").repeat(100)).replace("BIG", BIG)
                .replace("~", "\r\n").replace("\\u0001\\u0002", "\u0001\u0002");
        String answer = exchange(raw);

        String statusLine = answer.substring(0, answer.indexOf("\r\n"));
        assertThat(statusLine).as(answer).matches("HTTP/1\\.1 4\\d\\d.*");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("content-type: application/json");
        JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.get("status").asInt()).isEqualTo(Integer.parseInt(statusLine.split(" ")[1]));
        assertThat(problem.get("error").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
            assertThat(problem.get("error").asText()).contains(Long.toString(16 * 1024));
        }
    }

    @Test
    void anHttpClientSendingA60KbHeaderGetsTheJsonProblem() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json"))
                .header("X-Big", BIG).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(answer.body()).get("field").asText()).isEqualTo("headers");
    }

    @Test
    void theWebappsKeepTomcatsPageWithoutServerDetails() throws Exception {
        String answer = exchange("GET /camunda/app/tasklist/ HTTP/1.1\r\nHost: x\r\nX-Big: " + BIG + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: text/html").doesNotContain("apache tomcat/");
    }

    @Test
    void aHeaderWithinTheLimitIsServed() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("X-Token", "t".repeat(12 * 1024)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private String exchange(String raw) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
