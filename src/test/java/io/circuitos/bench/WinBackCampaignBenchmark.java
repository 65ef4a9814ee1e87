package io.circuitos.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerStore;
import io.circuitos.customers.TestCustomers;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.Ports;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a win-back campaign of N customers from the webhook to the last email received by the
 * SMTP server, the application running with its job executor on the given database, the fake
 * Ollama answering at once. Arguments: {@code jdbcUrl [customers=10000]}. Also prints the jobs the
 * run took, the peak heap seen and whether every customer has exactly one send record and a sent ledger row.
 */
public final class WinBackCampaignBenchmark {

    private static final String BILLING_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1iaWxsaW5nLXNlY3JldC0wMQ==";

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int smtpPort = Ports.closed();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (FakeOllama ollama = new FakeOllama();
             RunningApp app = RunningApp.start(jdbcUrl, true, "circuitos.llm.base-url=" + ollama.baseUrl(),
                     "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
                     "circuitos.webhooks.sources.billing.secret=" + BILLING_SECRET)) {
            ollama.answerByDefault(FakeOllama.Reply.json("We saved an offer for you", "Hello, we set aside an offer for you."));
            List<Customer> customers = new ArrayList<>();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int i = 0; i < n; i++) {
                customers.add(TestCustomers.churned(String.format("BENCH-%05d", i), i % 3 == 0 ? "DSL" : "Fiber optic", 30 + i % 90,
                        today.minusDays(i % 60)));
            }
            app.bean(CustomerStore.class).upsertAll(customers, Instant.now());
            String campaignId = "WB-BENCH-" + System.currentTimeMillis();
            long started = System.nanoTime();
            HttpResponse<String> accepted = new SignedWebhooks(app.baseUrl()).send("crm", SignedWebhooks.CRM_SECRET, "msg_" + campaignId,
                    Instant.now(), """
                            {"type": "winback.campaign_requested",
                             "data": {"campaignId": "%s", "windowDays": 90, "topN": %d, "budget": 100000000}}""".formatted(campaignId, n));
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException(accepted.body());
            }
            double accepted202 = (System.nanoTime() - started) / 1e6;
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            double offersReady = -1;
            long peakHeap = 0;
            Runtime runtime = Runtime.getRuntime();
            while (smtp.getReceivedMessages().length < n && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(20)) {
                if (offersReady < 0 && count(jdbc, campaignId) == n) {
                    offersReady = (System.nanoTime() - started) / 1e9;
                }
                peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
                Thread.sleep(200);
            }
            double allSent = (System.nanoTime() - started) / 1e9;
            int received = smtp.getReceivedMessages().length;
            System.out.printf(Locale.ROOT, "win-back campaign of %d customers: webhook answered in %.0f ms; all offers drafted and "
                            + "recorded after %.1f s; %d emails received after %.1f s (%.1f customers/s); %d model calls%n",
                    n, accepted202, offersReady, received, allSent, received / allSent, ollama.requests().size());
            Thread.sleep(2000); // the last chunk's ledger marks commit after its last send
            System.out.printf(Locale.ROOT, "win-back campaign of %d customers: %d jobs executed; peak heap in use %d MB of %d MB; "
                            + "send records %d, ledger rows marked sent %d, emails received %d%n",
                    n, jobs(jdbc), peakHeap >> 20, runtime.maxMemory() >> 20,
                    jdbc.queryForObject("select count(*) from circuitos_sent_email where process_instance_id = ?", Integer.class,
                            "win-back:" + campaignId),
                    jdbc.queryForObject("select count(*) from circuitos_campaign_message where campaign_id = ? and sent_at is not null",
                            Integer.class, campaignId), smtp.getReceivedMessages().length);
        } finally {
            smtp.stop();
        }
    }

    private static Integer jobs(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 and process_def_key_ = 'win-back'", Integer.class);
    }

    private static int count(JdbcTemplate jdbc, String campaignId) {
        Integer rows = jdbc.queryForObject("select count(*) from circuitos_campaign_message where campaign_id = ?", Integer.class, campaignId);
        return rows == null ? 0 : rows;
    }
}
