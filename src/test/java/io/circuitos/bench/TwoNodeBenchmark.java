package io.circuitos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Not a test: N signed {@code opportunity.closed_lost} webhooks from C clients spread over the given
 * nodes (one PostgreSQL), every tenth sent twice with the same webhook-id: to every node at once (a
 * CRM retrying against another node), or twice to the one node. Waits until every opportunity is banded and no job is left, then
 * proves from the tables: each delivery recorded once with one instance, both answers of a
 * duplicate naming that instance, no job executed twice (job log), and how the jobs split over the
 * nodes. Arguments: {@code jdbcUrl n concurrency baseUrl...}.
 */
public final class TwoNodeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0]);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int n = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        List<SignedWebhooks> nodes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            nodes.add(new SignedWebhooks(args[i]));
        }
        String run = "N" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, List<String>> answers = new ConcurrentHashMap<>(); // webhook-id → the instance id each node answered
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String id = "msg_" + run + "_" + i;
                    String body = SignedWebhooks.closedLost(run + "-" + i);
                    List<SignedWebhooks> targets = i % 10 != 0 ? List.of(nodes.get(i % nodes.size()))
                            : nodes.size() > 1 ? nodes : List.of(nodes.get(0), nodes.get(0));
                    for (SignedWebhooks node : targets) {
                        HttpResponse<String> answer = node.send("crm", SignedWebhooks.CRM_SECRET, id, Instant.now(), body);
                        if (answer.statusCode() != 202) {
                            refused.incrementAndGet();
                            continue;
                        }
                        JsonNode json = JSON.readTree(answer.body());
                        answers.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(json.path("processInstanceId").asText());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        double sent = (System.nanoTime() - started) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (banded(jdbc, run) < n || openJobs(jdbc, run) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every opportunity was banded within 10 minutes");
            }
            Thread.sleep(200);
        }
        double done = (System.nanoTime() - started) / 1e9;

        long answeredAlike = answers.values().stream().filter(ids -> ids.stream().distinct().count() == 1).count();
        Integer recorded = jdbc.queryForObject("select count(*) from circuitos_webhook_delivery where source = 'crm' and webhook_id like ?",
                Integer.class, "msg_" + run + "_%");
        Integer instances = jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ like ?", Integer.class, run + "-%");
        Integer twice = jdbc.queryForObject("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
                + "and process_instance_id_ in (select id_ from act_hi_procinst where business_key_ like ?) group by job_id_ "
                + "having count(*) > 1) t", Integer.class, run + "-%");
        List<Map<String, Object>> perNode = jdbc.queryForList("select hostname_ as node, count(*) as jobs from act_hi_job_log "
                + "where job_state_ = 2 and process_instance_id_ in (select id_ from act_hi_procinst where business_key_ like ?) "
                + "group by hostname_ order by hostname_", run + "-%");
        Integer retried = jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1 and process_instance_id_ in "
                + "(select id_ from act_hi_procinst where business_key_ like ?)", Integer.class, run + "-%");
        System.out.printf(Locale.ROOT, "%d node(s): %d opportunities (%d sent twice) in %.1f s = %.1f/s banded "
                        + "(webhooks answered after %.1f s), %d refused%n",
                nodes.size(), n, (n + 9) / 10, done, n / done, sent, refused.get());
        System.out.printf(Locale.ROOT, "%d node(s): deliveries recorded %d of %d, instances %d, webhook-ids answered with one instance "
                        + "%d of %d, jobs executed twice %d, failed job attempts %d, jobs per node %s%n",
                nodes.size(), recorded, n, instances, answeredAlike, answers.size(), twice, retried,
                perNode.stream().map(r -> r.get("node") + "=" + r.get("jobs")).toList());
    }

    private static int banded(JdbcTemplate jdbc, String run) {
        Integer count = jdbc.queryForObject("select count(*) from act_hi_varinst v join act_hi_procinst p on p.id_ = v.proc_inst_id_ "
                + "where v.name_ = 'band' and p.business_key_ like ?", Integer.class, run + "-%");
        return count == null ? 0 : count;
    }

    private static int openJobs(JdbcTemplate jdbc, String run) {
        Integer count = jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_ "
                + "where e.business_key_ like ? and j.type_ = 'message'", Integer.class, run + "-%");
        return count == null ? 0 : count;
    }
}
