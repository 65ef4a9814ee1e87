package io.circuitos.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** {@code POST /api/imports/customers} with the public Telco churn file itself, plus rows it must refuse. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustomerImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TELCO = Path.of("data/telco-customer-churn.csv");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CustomerStore store;

    @Test
    void aFileWithABadRowIsRefusedWholeAndTheFullTelcoFileImportsAndAReimportUpdatesInPlace() throws Exception {
        String telco = Files.readString(TELCO);
        long lines = telco.lines().count(); // header + 7,043 customers
        String withBadRow = telco + "9999-BADRW,Female,0,Yes,No,5,Yes,No,DSL,No,No,No,No,No,No,Forever,Yes,Mailed check,-3,10,No\n";

        long before = store.count(); // other tests of this context may have added customers of their own
        HttpResponse<String> refused = upload(withBadRow, "manager");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode refusal = JSON.readTree(refused.body());
        assertThat(refusal.get("imported").asLong()).isZero();
        assertThat(refusal.get("rejected").asLong()).isEqualTo(1);
        assertThat(refusal.get("errors")).hasSize(2);
        assertThat(refusal.get("errors").get(0).get("line").asLong()).isEqualTo(lines + 1);
        assertThat(refusal.get("errors").get(0).get("field").asText()).isEqualTo("Contract");
        assertThat(refusal.get("errors").get(1).get("field").asText()).isEqualTo("MonthlyCharges");
        assertThat(store.count()).as("nothing of a refused file is written").isEqualTo(before);

        HttpResponse<String> imported = upload(telco, "manager");
        assertThat(imported.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(imported.body());
        assertThat(report.get("imported").asLong()).isEqualTo(lines - 1);
        assertThat(report.get("rejected").asLong()).isZero();
        assertThat(report.get("assignedColumns")).extracting(JsonNode::asText).containsExactly("ChurnDate", "Email");
        assertThat(store.count()).isEqualTo(before + lines - 1);
        assertThat(jdbc.queryForObject("select count(*) from circuitos_customer where churn_date_source = 'assigned'", Long.class))
                .isEqualTo(1869);
        // blank TotalCharges (new customers) is stored as unknown, not refused
        assertThat(jdbc.queryForObject("select count(*) from circuitos_customer where total_charges is null", Long.class)).isEqualTo(11);

        Customer churned = store.find("7590-VHVEG").orElseThrow();
        assertThat(churned.segment()).isEqualTo("dsl");
        Customer someChurned = store.find("3668-QPYBK").orElseThrow();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(someChurned.churnedOn()).isBetween(today.minusDays(CustomerImporter.ASSIGNED_CHURN_SPREAD_DAYS), today);

        JsonNode again = JSON.readTree(upload(telco, "manager").body());
        assertThat(again.get("imported").asLong()).isEqualTo(lines - 1);
        assertThat(store.count()).isEqualTo(before + lines - 1);
        assertThat(store.find("3668-QPYBK").orElseThrow().churnedOn()).isEqualTo(someChurned.churnedOn());
    }

    @Test
    void givenChurnDatesAndEmailsAreKeptAndAFileWithoutARequiredColumnIsRefusedWhole() throws Exception {
        String csv = """
                customerID,Name,Email,ChurnDate,tenure,InternetService,Contract,MonthlyCharges,TotalCharges,Churn
                OWN-1,Ana,ana@customers.example,2026-10-30,10,Fiber optic,Month-to-month,90.5,905,Yes
                OWN-2,Ben,not-an-email,,3,No,Two year,20,60,No
                OWN-3,Cy,cy@customers.example,,3,No,Two year,20,60,Yes""";
        JsonNode report = JSON.readTree(upload(csv, "manager").body());
        assertThat(report.get("imported").asLong()).isZero();
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("field").asText()).isEqualTo("Email");
        assertThat(report.get("errors").get(1).get("line").asLong()).isEqualTo(4);
        assertThat(report.get("errors").get(1).get("field").asText()).isEqualTo("ChurnDate");
        assertThat(store.find("OWN-1")).as("a file with bad rows writes nothing").isEmpty();

        assertThat(upload(csv.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow(), "manager").statusCode()).isEqualTo(200);
        Customer ana = store.find("OWN-1").orElseThrow();
        assertThat(ana.churnedOn()).isEqualTo(LocalDate.parse("2026-10-30"));
        assertThat(ana.email()).isEqualTo("ana@customers.example");

        HttpResponse<String> noContract = upload("customerID,tenure,InternetService,MonthlyCharges,Churn\nX-1,1,DSL,10,No\n", "manager");
        assertThat(noContract.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noContract.body()).get("field").asText()).isEqualTo("Contract");
        assertThat(store.find("X-1")).isEmpty();
    }

    @Test
    void repsMayNotImportCustomers() throws Exception {
        assertThat(upload("customerID\n", "rep").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> upload(String csv, String user) throws Exception {
        String boundary = "circuitos-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports/customers"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
