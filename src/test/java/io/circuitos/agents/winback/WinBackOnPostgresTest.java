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
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer store's upserts (standard SQL MERGE) and a whole campaign on a real PostgreSQL with
 * the job executor running: import, re-import, campaign webhook → emails received by SMTP → the
 * ledger's count of sent and not-sent emails → the engagement review → the end reason.
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

            String campaignId = "WB-PG-" + System.nanoTime();
            HttpResponse<String> requested = new SignedWebhooks(app.baseUrl()).send("crm", SignedWebhooks.CRM_SECRET,
                    "msg_pg_wb_" + System.nanoTime(), Instant.now(), """
                            {"type": "winback.campaign_requested", "data": {"campaignId": "%s", "budget": 10000}}"""
                            .formatted(campaignId));
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
            long deadline = System.nanoTime() + 90_000_000_000L;
            // the send is logged in the ledger by the job after the send
            while ((smtp.getReceivedMessages().length < 2 || sentInLedger(jdbc) < 2) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(smtp.getReceivedMessages()).hasSize(2);
            assertThat(jdbc.queryForList("select customer_id from circuitos_campaign_message where sent_at is not null "
                    + "order by customer_id", String.class)).containsExactly("PG-1", "PG-2");

            ProcessEngine engine = app.bean(ProcessEngine.class);
            String instanceId = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(WinBackProcess.KEY)
                    .processInstanceBusinessKey(campaignId).singleResult().getId();
            Job engagementWindow = null;
            while (engagementWindow == null && System.nanoTime() < deadline) {
                engagementWindow = engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers()
                        .activityId(WinBackProcess.Element.WAIT_FOR_ENGAGEMENT).singleResult();
                Thread.sleep(engagementWindow == null ? 200 : 0);
            }
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceId).list())
                    .as("the ledger counts the sends on PostgreSQL").isEmpty();
            assertThat(engagementWindow).as("the campaign waits for engagement after counting its sends").isNotNull();
            assertThat(engine.getRuntimeService().getVariables(instanceId)).containsEntry("emailsSent", 2).containsEntry("emailsNotSent", 0)
                    .containsEntry("sendSummary", "campaign sent 2 of 2 emails");

            engine.getManagementService().executeJob(engagementWindow.getId()); // the 7-day window, not waited for
            while (engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                    .activityInstanceIdIn(instanceId).variableName(WinBackProcess.Variable.END_REASON).singleResult().getValue())
                    .isEqualTo("campaign sent 2 of 2 emails; engagement reviewed");
            assertThat(jdbc.queryForList("select segment from circuitos_segment_cycle where campaign_id = ? order by segment", String.class,
                    campaignId)).containsExactly("dsl", "fiber");
        } finally {
            smtp.stop();
        }
    }

    /** Of a campaign's selected customers, the ledger counts those sent and, by reason, those not sent (grouped on PostgreSQL). */
    @Test
    void theLedgerCountsSentAndNotSentEmailsByReason() {
        try (RunningApp app = RunningApp.start(PostgresTestDatabase.jdbcUrl(), false)) {
            CampaignMessageStore ledger = app.bean(CampaignMessageStore.class);
            String campaignId = "WB-PG-SENDS-" + System.nanoTime();
            for (String customer : List.of("SENT", "NO-SERVER", "NEVER-REACHED", "ALSO-NO-SERVER")) {
                ledger.recordOffer(new CampaignMessageStore.Offer(campaignId, customer, "churned", 0.7, "fiber", "discount", "discount-20",
                        10, 1000, 0.3, customer.toLowerCase(java.util.Locale.ROOT) + "@customers.example", "Hello", "template"));
            }
            ledger.price(campaignId);
            ledger.markSent(campaignId, "SENT", Instant.now());
            ledger.markNotSent(campaignId, "NO-SERVER", "no mail server is configured");
            ledger.markNotSent(campaignId, "ALSO-NO-SERVER", "no mail server is configured");

            CampaignSends sends = ledger.sends(campaignId);

            assertThat(sends.selected()).isEqualTo(4);
            assertThat(sends.sent()).isEqualTo(1);
            assertThat(sends.notSentByReason()).isEqualTo(Map.of("no mail server is configured", 2, CampaignSends.NO_SEND_RECORDED, 1));
            assertThat(sends.summary()).isEqualTo("campaign sent 1 of 4 emails; 3 not sent: 2 no mail server is configured, 1 no send recorded");
        }
    }

    private static int sentInLedger(JdbcTemplate jdbc) {
        Integer sent = jdbc.queryForObject("select count(*) from circuitos_campaign_message where sent_at is not null", Integer.class);
        return sent == null ? 0 : sent;
    }
}
