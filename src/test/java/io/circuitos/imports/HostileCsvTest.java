package io.circuitos.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Malformed CSV uploads to both imports: a 400 naming the line and column, never a 5xx, nothing written. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "opportunityId,amount,contact.email";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "broken quoting | HDR\\nOK-1,10,a@b.example\\n\"BROKEN,10,a@b.example\\nOK-2,10,a@b.example | file",
            "a column named . | opportunityId,.,contact.email\\nOK-1,10,a@b.example | header",
            "a column named .. | opportunityId,..,contact.email\\nOK-1,10,a@b.example | header",
            "an empty column name | opportunityId,,contact.email\\nOK-1,10,a@b.example | header",
            "a duplicate column | opportunityId,amount,amount\\nOK-1,10,10 | header",
            "NUL in a cell | HDR\\nOK-1,10,a@b.example\\nOK-2,1\u00000,a@b.example | amount",
            "a huge number | HDR\\nOK-1,1e400,a@b.example | data.amount",
            "more cells than columns | HDR\\nOK-1,10,a@b.example,extra | file"})
    void aMalformedFileIs400NamingWhereAndStartsNothing(String what, String csv, String field) throws Exception {
        long instances = runtime.createProcessInstanceQuery().count();

        HttpResponse<String> answer = upload("/api/imports/opportunity.closed_lost", csv.replace("HDR", HEADER).replace("\\n", "\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(answer.body());
        String named = body.has("field") ? body.get("field").asText() : body.at("/errors/0/field").asText();
        assertThat(named).isEqualTo(field);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void aHugeCellAndBinaryGarbageAre400() throws Exception {
        String huge = HEADER + "\nOK-1,10," + "x".repeat(5000) + "@b.example\n";
        assertThat(upload("/api/imports/opportunity.closed_lost", huge.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        HttpResponse<String> binary = upload("/api/imports/opportunity.closed_lost", garbage);
        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(400);
        HttpResponse<String> binaryCustomers = upload("/api/imports/customers", garbage);
        assertThat(binaryCustomers.statusCode()).as(binaryCustomers.body()).isEqualTo(400);
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreAccepted() throws Exception {
        String csv = "\uFEFF" + HEADER + "\r\nBOM-1,10,a@b.example\r\nBOM-2,20,c@d.example\r\n";
        HttpResponse<String> answer = upload("/api/imports/opportunity.closed_lost", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("started").asLong()).isEqualTo(2);
    }

    @Test
    void aCustomerAmountBeyondItsColumnIsReportedAndNothingIsWritten() throws Exception {
        long customers = jdbc.queryForObject("select count(*) from circuitos_customer", Long.class);
        String csv = "customerID,tenure,InternetService,Contract,MonthlyCharges,Churn\nBIG-1,1,DSL,One year,10,No\nBIG-2,1,DSL,One year,1e20,No\n";

        HttpResponse<String> answer = upload("/api/imports/customers", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).at("/errors/0/line").asLong()).isEqualTo(3);
        assertThat(JSON.readTree(answer.body()).at("/errors/0/field").asText()).isEqualTo("MonthlyCharges");
        assertThat(jdbc.queryForObject("select count(*) from circuitos_customer", Long.class)).isEqualTo(customers);
    }

    private HttpResponse<String> upload(String path, byte[] content) throws Exception {
        String boundary = "circuitos" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rows.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
