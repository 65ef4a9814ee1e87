package io.circuitos.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** {@code POST /api/imports/{event-type}}: one instance per valid row, a report line per bad row, no duplicates on re-upload. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CsvImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = """
            opportunityId,amount,contact.email,contact.name,account.name,lossReason,history.previousOutcome
            IMP-1,1200,ann@acme.example,Ann,Acme,price,success
            IMP-2,-5,bob@acme.example,Bob,Acme,price,failure
            IMP-3,900,not-an-email,Cy,Acme,timing,nonexistent
            ,400,dee@acme.example,Dee,Acme,timing,nonexistent
            IMP-5,3100.50,eve@acme.example,"Eve, Jr.",Acme,competitor,failure
            """;

    private static final String VALID_ROWS = CSV.lines().filter(l -> l.startsWith("opportunityId") || l.startsWith("IMP-1,")
            || l.startsWith("IMP-5,")).reduce("", (a, b) -> a + b + "\n");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aFileWithBadRowsStartsNothingAndReportsEveryBadRowThenTheValidRowsStartOnce() throws Exception {
        HttpResponse<String> refused = upload("opportunity.closed_lost", CSV, "manager", "manager");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode refusal = JSON.readTree(refused.body());
        assertThat(refusal.get("started").asLong()).isZero();
        assertThat(refusal.get("rejected").asLong()).isEqualTo(3);
        assertThat(refusal.get("errors")).hasSize(3);
        assertThat(refusal.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(refusal.get("errors").get(0).get("field").asText()).isEqualTo("data.amount");
        assertThat(refusal.get("errors").get(1).get("line").asLong()).isEqualTo(4);
        assertThat(refusal.get("errors").get(1).get("field").asText()).isEqualTo("data.contact.email");
        assertThat(refusal.get("errors").get(2).get("field").asText()).isEqualTo("data.opportunityId");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("IMP-1").count()).as("nothing started").isZero();

        HttpResponse<String> response = upload("opportunity.closed_lost", VALID_ROWS, "manager", "manager");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("started").asLong()).isEqualTo(2);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("IMP-1").count()).isEqualTo(1);
        assertThat(RunPayload.withFields(runtimeService.getVariables(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("IMP-5").singleResult().getId())))
                .containsEntry("amount", 3100.5).containsEntry("contactName", "Eve, Jr.");
        assertThat(jdbc.queryForObject("select source from circuitos_webhook_delivery where business_key = 'IMP-5'", String.class))
                .isEqualTo("import");

        JsonNode again = JSON.readTree(upload("opportunity.closed_lost", VALID_ROWS, "manager", "manager").body());
        assertThat(again.get("started").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(2);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("IMP-1").count()).isEqualTo(1);
    }

    @Test
    void anUnknownEventTypeIsRejectedBeforeAnyRowIsRead() throws Exception {
        HttpResponse<String> response = upload("opportunity.reopened", CSV, "manager", "manager");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo("type");
    }

    @Test
    void importsNeedAnAuthorisedUser() throws Exception {
        assertThat(upload("opportunity.closed_lost", CSV, null, null).statusCode()).isEqualTo(401);
        assertThat(upload("opportunity.closed_lost", CSV, "rep", "rep").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> upload(String type, String csv, String user, String password) throws Exception {
        String boundary = "import" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rows.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports/" + type))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
