package io.circuitos.agents.winback;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.circuitos.customers.CustomerStore;
import io.circuitos.imports.CustomerImporter;
import io.circuitos.support.Ports;
import io.circuitos.support.PostgresTestDatabase;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer store's upserts (standard SQL MERGE) and a whole campaign on a real PostgreSQL with
 * the job executor running: import, re-import, campaign webhook → emails received by SMTP.
 */
@Tag("postgres")
class WinBackOnPostgresTest {


    @Test
    void customersImportAndUpdateAndACampaignRunsToItsEmails() throws Exception {
        int smtpPort = Ports.closed();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (RunningApp app = RunningApp.start(PostgresTestDatabase.jdbcUrl(), true,
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort)) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            for (String table : List.of("circuitos_campaign_message", "circuitos_customer", "circuitos_segment_cycle")) {
                jdbc.update("delete from " + table); // this database is the tests' own; earlier runs may have left customers
            }
            LocalDate churned = LocalDate.now(ZoneOffset.UTC).minusDays(5);
            String csv = """
                    customerID,Name,Email,ChurnDate,tenure,InternetService,Contract,MonthlyCharges,TotalCharges,Churn
                    PG-1,Ana,ana@customers.example,%s,10,Fiber optic,Month-to-month,90.5,905,Yes
                    PG-2,Ben,ben@customers.example,%s,3,DSL,Month-to-month,50,150,Yes
                    PG-3,Cy,cy@customers.example,,30,No,Two year,20,600,No
                    PG-4,Dee,dee@customers.example,,3,Cable,Two year,20,60,No
                    """.formatted(churned, churned);
            CustomerImporter importer = app.bean(CustomerImporter.class);
            CustomerImporter.Report refused = importer.importCsv(io.circuitos.imports.CsvUpload.of(csv));
            assertThat(refused.imported()).as("a file with a bad row writes nothing").isZero();
            assertThat(refused.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("InternetService"));
            String valid = csv.lines().filter(line -> !line.startsWith("PG-4")).reduce("", (a, b) -> a + b + "\n");
            CustomerImporter.Report first = importer.importCsv(io.circuitos.imports.CsvUpload.of(valid));
            assertThat(first.imported()).isEqualTo(3);
            importer.importCsv(io.circuitos.imports.CsvUpload.of(valid.replace("90.5,905", "99.5,995")));
            CustomerStore store = app.bean(CustomerStore.class);
            assertThat(store.count()).isEqualTo(3);
            assertThat(store.find("PG-1").orElseThrow().value()).isEqualByComparingTo("1194.00");
            assertThat(store.find("PG-1").orElseThrow().churnedOn()).isEqualTo(churned);

            HttpResponse<String> requested = new SignedWebhooks(app.baseUrl()).send("crm", SignedWebhooks.CRM_SECRET,
                    "msg_pg_wb_" + System.nanoTime(), Instant.now(), """
                            {"type": "winback.campaign_requested", "data": {"campaignId": "WB-PG-%d", "budget": 10000}}"""
                            .formatted(System.nanoTime()));
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
            long deadline = System.nanoTime() + 90_000_000_000L;
            // the send is logged in the ledger by the job after the send
            while ((smtp.getReceivedMessages().length < 2 || sentInLedger(jdbc) < 2) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(smtp.getReceivedMessages()).hasSize(2);
            assertThat(jdbc.queryForList("select customer_id from circuitos_campaign_message where sent_at is not null "
                    + "order by customer_id", String.class)).containsExactly("PG-1", "PG-2");
        } finally {
            smtp.stop();
        }
    }

    private static int sentInLedger(JdbcTemplate jdbc) {
        Integer sent = jdbc.queryForObject("select count(*) from circuitos_campaign_message where sent_at is not null", Integer.class);
        return sent == null ? 0 : sent;
    }
}
