package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.support.PostgresTestDatabase;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one PostgreSQL both store and both drain: every delivery starts exactly once, and one business key's
 * deliveries are settled in the order they arrived whichever node took them.
 */
@Tag("postgres")
class InboxOnPostgresTest {

    private static final int KEYS = 60;
    private static final int PER_KEY = 3;

    @Test
    void twoDrainingNodesStartEachDeliveryOnceAndEachKeyInArrivalOrder() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        try (RunningApp first = RunningApp.start(PostgresTestDatabase.jdbcUrl(), false, "circuitos.webhooks.inbox.batch-size=20");
             RunningApp second = RunningApp.start(PostgresTestDatabase.jdbcUrl(), false, "circuitos.webhooks.inbox.batch-size=20")) {
            List<SignedWebhooks> nodes = List.of(new SignedWebhooks(first.baseUrl()), new SignedWebhooks(second.baseUrl()));
            ExecutorService senders = Executors.newFixedThreadPool(8);
            try {
                // each key's deliveries in turn (each answered before the next is sent), alternating nodes; keys in parallel
                List<Future<?>> sent = new ArrayList<>();
                for (int key = 0; key < KEYS; key++) {
                    int k = key;
                    sent.add(senders.submit(() -> {
                        for (int i = 0; i < PER_KEY; i++) {
                            int status = nodes.get((k + i) % 2).sendQueued("crm", SignedWebhooks.CRM_SECRET, "pg-inbox-" + run + "-" + k + "-" + i,
                                    Instant.now(), SignedWebhooks.closedLost("PG-INBOX-" + run + "-" + k)).statusCode();
                            assertThat(status).isEqualTo(202);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            } finally {
                senders.shutdownNow();
            }
            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (queued(jdbc, run) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }

            assertThat(queued(jdbc, run)).isZero();
            List<Map<String, Object>> runs = jdbc.queryForList("select business_key_, count(*) as n from act_hi_procinst "
                    + "where business_key_ like ? group by business_key_", "PG-INBOX-" + run + "-%");
            assertThat(runs).hasSize(KEYS).allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
            for (int key = 0; key < KEYS; key++) {
                List<String> outcomes = jdbc.queryForList("select outcome from circuitos_webhook_delivery where business_key = ? order by started_at, seq",
                        String.class, "PG-INBOX-" + run + "-" + key);
                assertThat(outcomes).containsExactly("started", "ignored-active-run", "ignored-active-run");
                List<Long> order = jdbc.queryForList("select seq from circuitos_webhook_delivery where business_key = ? order by started_at, seq",
                        Long.class, "PG-INBOX-" + run + "-" + key);
                assertThat(order).isSorted();
            }
        }
    }

    private static long queued(JdbcTemplate jdbc, String run) {
        return jdbc.queryForObject("select count(*) from circuitos_webhook_delivery where status = 'queued' and webhook_id like ?", Long.class,
                "pg-inbox-" + run + "-%");
    }
}
