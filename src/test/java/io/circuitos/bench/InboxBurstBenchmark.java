package io.circuitos.bench;

import com.standardwebhooks.Webhook;
import io.circuitos.support.SignedWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Not a test: a burst of signed {@code opportunity.closed_lost} webhooks at a fixed rate (open loop: each is sent at
 * its time whatever the answers before it), then, from the database, whether every delivery answered 202 started
 * exactly one run. Run it through {@code bench/inbox-burst-benchmark.sh}.
 *
 * <p>{@code send baseUrl rate seconds runFile}: sends rate × seconds deliveries, prints the answers' latency
 * (measured from each delivery's scheduled time, so a slow answer also delays none it hides) and writes the accepted
 * webhook-ids to {@code runFile}. {@code check jdbcUrl runFile}: waits until none of them is queued, then prints the
 * time from the first send to the last start, and how many were lost (answered 202, never started) or duplicated
 * (two runs for one delivery's business key).
 */
public final class InboxBurstBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("connections", 64);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "send" -> send(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "check" -> check(args[1], Path.of(args[2]));
            default -> throw new IllegalArgumentException("send or check, not " + args[0]);
        }
    }

    private static void send(String baseUrl, int rate, int seconds, Path runFile) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Webhook signer = new Webhook(SignedWebhooks.CRM_SECRET);
        String run = Long.toString(System.currentTimeMillis(), 36);
        int n = rate * seconds;
        long[] latencies = new long[n];
        Arrays.fill(latencies, Long.MAX_VALUE);
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Instant firstSent = Instant.now();
        long start = System.nanoTime();
        // a sender's connection pool: each connection takes the next delivery when it is due; one that is late because every
        // connection is busy counts its lateness, so a slow answer cannot hide the ones queued behind it
        List<Thread> connections = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread connection = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long due = start + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String id = "burst-" + run + "-" + i;
                    String body = SignedWebhooks.closedLost("BURST-" + run + "-" + i);
                    long timestamp = Instant.now().getEpochSecond();
                    try {
                        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/crm"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("webhook-id", id)
                                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signer.sign(id, timestamp, body))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        latencies[i] = System.nanoTime() - due;
                        if (answer.statusCode() == 202) {
                            accepted.add(id);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception lost) {
                        unanswered.incrementAndGet();
                    }
                }
            });
            connection.start();
            connections.add(connection);
        }
        for (Thread connection : connections) {
            connection.join();
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long[] answered = Arrays.stream(latencies).filter(l -> l != Long.MAX_VALUE).sorted().toArray();
        List<String> lines = new ArrayList<>();
        lines.add(firstSent.toString());
        lines.addAll(accepted);
        Files.write(runFile, lines);
        System.out.printf(Locale.ROOT, "sent %d deliveries in %.2f s (%.0f/s) over %d connections: %d answered 202, %d refused, "
                + "%d unanswered (connection lost)%n", n, sendSeconds, n / sendSeconds, CONNECTIONS, accepted.size(), refused.get(), unanswered.get());
        System.out.printf(Locale.ROOT, "answered: p50 %.1f ms, p99 %.1f ms, max %.1f ms (from each delivery's scheduled time)%n",
                percentile(answered, 0.50), percentile(answered, 0.99), percentile(answered, 1.0));
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }

    private static void check(String jdbcUrl, Path runFile) throws Exception {
        List<String> lines = Files.readAllLines(runFile);
        Instant firstSent = Instant.parse(lines.get(0));
        Set<String> accepted = new HashSet<>(lines.subList(1, lines.size()));
        String prefix = accepted.stream().findFirst().map(id -> id.substring(0, id.lastIndexOf('-') + 1)).orElse("burst-none-");
        String keyPrefix = "BURST-" + prefix.substring("burst-".length());
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
            long queued;
            do {
                Thread.sleep(200);
                queued = count(sql, "select count(*) from circuitos_webhook_delivery where status = 'queued' and webhook_id like '" + prefix + "%'");
            } while (queued > 0 && Instant.now().isBefore(deadline));
            Instant lastStart;
            try (ResultSet rs = sql.executeQuery("select max(started_at) from circuitos_webhook_delivery where webhook_id like '" + prefix + "%'")) {
                rs.next();
                lastStart = rs.getTimestamp(1) == null ? firstSent : rs.getTimestamp(1).toInstant();
            }
            Set<String> started = new HashSet<>();
            try (ResultSet rs = sql.executeQuery("select d.webhook_id from circuitos_webhook_delivery d join act_hi_procinst p "
                    + "on p.id_ = d.process_instance_id where d.status = 'done' and d.webhook_id like '" + prefix + "%'")) {
                while (rs.next()) {
                    started.add(rs.getString(1));
                }
            }
            long lost = accepted.stream().filter(id -> !started.contains(id)).count();
            long duplicated = count(sql, "select count(*) from (select business_key_ from act_hi_procinst where business_key_ like '" + keyPrefix
                    + "%' group by business_key_ having count(*) > 1) twice");
            long runs = count(sql, "select count(*) from act_hi_procinst where business_key_ like '" + keyPrefix + "%'");
            long failed = count(sql, "select count(*) from circuitos_webhook_delivery where status = 'failed' and webhook_id like '" + prefix + "%'");
            System.out.printf(Locale.ROOT, "%d accepted, %d started (%d runs), %d still queued, %d failed; lost %d, duplicated %d%n",
                    accepted.size(), started.size(), runs, queued, failed, lost, duplicated);
            System.out.printf(Locale.ROOT, "drained: the last start %.1f s after the first delivery was sent%n",
                    Duration.between(firstSent, lastStart).toMillis() / 1000.0);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
