package io.circuitos.fault;

import io.circuitos.support.SignedWebhooks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: a webhook sender as real ones behave, for the fault suite. Sends N signed
 * {@code opportunity.closed_lost} deliveries from C clients and retries each (same {@code webhook-id})
 * on a refused connection, 429, 500, 502, 503 or 504 with backoff until it gets 202, for at most 10 minutes.
 * Writes its progress (acknowledged deliveries) to a file the fault script watches, then checks the
 * database: every acknowledged delivery started its run, once the inbox drained (lost = 0), and no business key has two instances
 * (duplicates = 0). Prints every status it saw; {@code forbid500} fails the run on any 500.
 *
 * <p>Arguments: {@code baseUrl n concurrency progressFile jdbcUrl forbid500}.
 */
public final class RetryingSender {

    private RetryingSender() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int n = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Path progress = Path.of(args[3]);
        String jdbcUrl = args[4];
        boolean forbid500 = Boolean.parseBoolean(args[5]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < n; i++) {
            int index = i;
            clients.submit(() -> {
                String id = "fault_" + run + "_" + index;
                String body = SignedWebhooks.closedLost("OPP-FAULT-" + run + "-" + index);
                long backoff = 100;
                while (Instant.now().isBefore(deadline)) {
                    int status = send(http, baseUrl, id, body);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 202) {
                        int done = acknowledged.incrementAndGet();
                        if (done % 50 == 0) {
                            write(progress, done);
                        }
                        return;
                    }
                    if (status != -1 && status != 429 && status < 500) {
                        return; // a 4xx is final: the sender would drop it (none is expected here)
                    }
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 2000);
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(11, TimeUnit.MINUTES);
        write(progress, acknowledged.get());
        Map<Integer, Integer> seen = new TreeMap<>();
        statuses.forEach((status, count) -> seen.put(status, count.get()));
        long[] check = check(jdbcUrl, run, n);
        System.out.printf("sender: %d deliveries, %d acknowledged; answers seen %s (-1 = connection refused); lost %d, duplicates %d%n",
                n, acknowledged.get(), seen, check[0], check[1]);
        boolean failed = acknowledged.get() < n || check[0] > 0 || check[1] > 0 || forbid500 && seen.containsKey(500);
        System.out.println(failed ? "FAILED" : "PASSED");
        System.exit(failed ? 1 : 0);
    }

    private static int send(HttpClient http, String baseUrl, String id, String body) {
        long now = Instant.now().getEpochSecond();
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/crm")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                    .header("webhook-signature", new com.standardwebhooks.Webhook(SignedWebhooks.CRM_SECRET).sign(id, now, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * {lost, duplicates}: acknowledged deliveries that did not start their run (once the inbox has drained them, waiting
     * up to five minutes), business keys with more than one instance.
     */
    private static long[] check(String jdbcUrl, String run, int n) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            String ofThisRun = "from circuitos_webhook_delivery d where d.source = 'crm' and d.webhook_id like ?";
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
            while (count(db, "select count(*) " + ofThisRun + " and d.status = 'queued'", "fault_" + run + "_%") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            long rows = count(db, "select count(*) " + ofThisRun + " and exists (select 1 from act_hi_procinst p where p.id_ = d.process_instance_id)",
                    "fault_" + run + "_%");
            long duplicates = count(db, "select count(*) from (select business_key_ from act_hi_procinst where business_key_ like ? "
                    + "group by business_key_ having count(*) > 1) twice", "OPP-FAULT-" + run + "-%");
            return new long[] {Math.max(0, n - rows), duplicates};
        }
    }

    private static long count(Connection db, String sql, String like) throws Exception {
        try (PreparedStatement count = db.prepareStatement(sql)) {
            count.setString(1, like);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void write(Path progress, int done) {
        try {
            Files.writeString(progress, Integer.toString(done));
        } catch (IOException e) {
            // progress is advisory
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
