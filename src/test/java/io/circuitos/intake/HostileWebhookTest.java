package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Validly signed but malformed deliveries, and floods of unsigned ones: always a 4xx naming what is wrong,
 * never a 5xx, nothing stored; garbage never uses up a real sender's rate limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "circuitos.webhooks.failed-authentications-per-minute=20")
@ActiveProfiles("test")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class HostileWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIMITED_SECRET = "whsec_dGVzdC1vbmx5LWxpbWl0ZWQtc291cmNlLXNlY3JldA==";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL in a text field | \"name\": \"Northwind Fitness\" | \"name\": \"North\\u0000wind\" | data.account.name",
            "escape character in a text field | \"lossReason\": \"competitor\" | \"lossReason\": \"compet\\u001bitor\" | data.lossReason",
            "infinite number | \"amount\": 48000 | \"amount\": 1e400 | data.amount",
            "number beyond any column | \"amount\": 48000 | \"amount\": 1e20 | data.amount",
            "integer beyond a long | \"age\": 34 | \"age\": 99999999999999999999999 | data.contact.age",
            "business key too long | \"opportunityId\": \"OPP-HOSTILE\" | \"opportunityId\": \"LONGKEY\" | data.opportunityId"})
    void aMalformedValueIs400NamingTheFieldAndStoresNothing(String what, String replace, String with, String field) throws Exception {
        String body = SignedWebhooks.closedLost("OPP-HOSTILE").replace(replace, with.replace("LONGKEY", "K".repeat(300)));
        long deliveries = deliveries();

        HttpResponse<String> answer = webhooks().sendCrm(body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("field").asText()).isEqualTo(field);
        assertThat(deliveries()).isEqualTo(deliveries);
    }

    @Test
    void aWebhookIdLongerThanItsColumnIs400() throws Exception {
        HttpResponse<String> answer = webhooks().send("crm", SignedWebhooks.CRM_SECRET, "msg_" + "x".repeat(300), Instant.now(),
                SignedWebhooks.closedLost("OPP-LONG-ID"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("field").asText()).isEqualTo("webhook-id");
    }

    @ParameterizedTest
    @CsvSource({"*/*", "text/plain", "application/xml", "multipart/form-data; boundary=x", "not a media type", "application/*"})
    void aBodyThatIsNotJsonByContentTypeIs415(String contentType) throws Exception {
        HttpResponse<String> answer = webhooks().sendAs(contentType, "crm", SignedWebhooks.CRM_SECRET, "msg_ct_" + System.nanoTime(),
                SignedWebhooks.closedLost("OPP-CT"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it uses up this address's failed-authentication budget
    void unsignedGarbageDoesNotUseUpTheSourcesRateLimitAndIsLimitedByAddress() throws Exception {
        SignedWebhooks webhooks = webhooks();
        // "limited" allows 3 deliveries a minute; 10 unsigned ones must not count against it
        for (int i = 0; i < 10; i++) {
            assertThat(webhooks.post("limited", "{}", "msg_garbage_" + i, Long.toString(Instant.now().getEpochSecond()), "v1,AAAA")
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> real = webhooks.send("limited", LIMITED_SECRET, "msg_real_" + System.nanoTime(), Instant.now(),
                SignedWebhooks.closedLost("OPP-REAL").replace("opportunity.closed_lost", "opportunity.unknown"));
        assertThat(real.statusCode()).as("the real sender is not starved: its event is judged on its content").isEqualTo(400);

        HttpResponse<String> limited = null;
        for (int i = 0; i < 15 && (limited == null || limited.statusCode() != 429); i++) {
            limited = webhooks.post("limited", "{}", "msg_more_" + i, Long.toString(Instant.now().getEpochSecond()), "v1,AAAA");
        }
        assertThat(limited.statusCode()).as("20 failed authentications a minute from one address").isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    private long deliveries() {
        return jdbc.queryForObject("select count(*) from circuitos_webhook_delivery", Long.class);
    }

    private SignedWebhooks webhooks() {
        return new SignedWebhooks("http://127.0.0.1:" + port);
    }
}
