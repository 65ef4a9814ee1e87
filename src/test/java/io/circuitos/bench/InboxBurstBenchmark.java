package io.circuitos.bench;

import com.standardwebhooks.Webhook;
import io.circuitos.support.SignedWebhooks;
import java.lang.management.ManagementFactory;
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
 * <p>{@code send baseUrl rate seconds runFile jdbcUrl}: warms the app and itself up on deliveries of their own (system
 * property {@code warmup}, 3,000) and waits until they have started, then sends rate × seconds deliveries signed
 * beforehand (writing {@code runFile.started} as the burst begins), prints the answers' latency
 * (measured from each delivery's scheduled time, so a slow answer also delays none it hides) and writes the accepted
 * webhook-ids to {@code runFile}. {@code check jdbcUrl runFile}: waits until none of them is queued, then prints the
 * time from the first send to the last start, and how many were lost (answered 202, never started) or duplicated
 * (two runs for one delivery's business key).
 */
public final class InboxBurstBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("connections", 64);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "send" -> send(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), args[5]);
            case "check" -> check(args[1], Path.of(args[2]));
            default -> throw new IllegalArgumentException("send or check, not " + args[0]);
        }
    }

    private static void send(String baseUrl, int rate, int seconds, Path runFile, String jdbcUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        // the app and this sender warm up (JIT) on deliveries of their own, which drain before the burst
        int warmup = Integer.getInteger("warmup", 3000);
        Answers warm = fire(http, signed(baseUrl, "warm-" + run, "WARM-" + run, warmup), Math.max(1, rate / 5));
        System.out.printf(Locale.ROOT, "warm-up: %d deliveries at %d/s, %d answered 202; waiting until they have started and their jobs are done%n",
                warmup, Math.max(1, rate / 5), warm.accepted.size());
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            // and until the agents' work on them is done (the runs then wait on their timers), so the burst meets a quiet app;
            // a node that only stores (intakeOnly) drains nothing
            while (!Boolean.getBoolean("intakeOnly") && (count(sql, "select count(*) from circuitos_webhook_delivery where status = 'queued'") > 0
                    || count(sql, "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= current_timestamp)") > 0)) {
                Thread.sleep(200);
            }
        }
        // signed before the burst, so the sender's own CPU goes to sending; the timestamps stay within the tolerance
        List<HttpRequest> burst = signed(baseUrl, "burst-" + run, "BURST-" + run, rate * seconds);
        Instant firstSent = Instant.now();
        Files.writeString(runFile.resolveSibling(runFile.getFileName() + ".started"), firstSent.toString());
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        Answers answers = fire(http, burst, rate);
        cpu = os.getProcessCpuTime() - cpu;
        List<String> lines = new ArrayList<>();
        lines.add(firstSent.toString());
        lines.addAll(answers.accepted);
        Files.write(runFile, lines);
        long[] answered = Arrays.stream(answers.latencies).filter(l -> l != Long.MAX_VALUE).sorted().toArray();
        System.out.printf(Locale.ROOT, "sent %d deliveries in %.2f s (%.0f/s) over %d connections: %d answered 202, %d refused, "
                        + "%d unanswered (connection lost)%n", burst.size(), answers.seconds, burst.size() / answers.seconds, CONNECTIONS,
                answers.accepted.size(), answers.refused.get(), answers.unanswered.get());
        System.out.printf(Locale.ROOT, "answered: p50 %.1f ms, p99 %.1f ms, max %.1f ms (from each delivery's scheduled time)%n",
                percentile(answered, 0.50), percentile(answered, 0.99), percentile(answered, 1.0));
        System.out.printf(Locale.ROOT, "sender CPU while sending: %.1f s (%.2f ms a delivery)%n", cpu / 1e9, cpu / 1e6 / burst.size());
    }

    private static List<HttpRequest> signed(String baseUrl, String idPrefix, String keyPrefix, int n) throws Exception {
        Webhook signer = new Webhook(SignedWebhooks.CRM_SECRET);
        List<HttpRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = idPrefix + "-" + i;
            String body = SignedWebhooks.closedLost(keyPrefix + "-" + i);
            long timestamp = Instant.now().getEpochSecond();
            requests.add(HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/crm")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signer.sign(id, timestamp, body)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
        return requests;
    }

    private record Answers(long[] latencies, ConcurrentLinkedQueue<String> accepted, AtomicInteger refused, AtomicInteger unanswered,
                           double seconds) {
    }

    /**
     * Sends the requests at {@code rate} a second over a sender's pool of connections: each connection takes the next
     * request when it is due; one that is late because every connection is busy counts its lateness, so a slow answer
     * cannot hide the ones queued behind it.
     */
    private static Answers fire(HttpClient http, List<HttpRequest> requests, int rate) throws InterruptedException {
        int n = requests.size();
        Answers answers = new Answers(new long[n], new ConcurrentLinkedQueue<>(), new AtomicInteger(), new AtomicInteger(), 0);
        Arrays.fill(answers.latencies, Long.MAX_VALUE);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> connections = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread connection = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long due = start + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    HttpRequest request = requests.get(i);
                    try {
                        HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                        answers.latencies[i] = System.nanoTime() - due;
                        if (answer.statusCode() == 202) {
                            answers.accepted.add(request.headers().firstValue("webhook-id").orElseThrow());
                        } else {
                            answers.refused.incrementAndGet();
                        }
                    } catch (Exception lost) {
                        answers.unanswered.incrementAndGet();
                    }
                }
            });
            connection.start();
            connections.add(connection);
        }
        for (Thread connection : connections) {
            connection.join();
        }
        return new Answers(answers.latencies, answers.accepted, answers.refused, answers.unanswered, (System.nanoTime() - start) / 1e9);
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
