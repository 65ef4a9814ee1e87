package io.circuitos.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * {@code circuitos_webhook_delivery}: remembers every accepted delivery by {@code (source, webhook-id)}.
 * The primary key is what makes a redelivery, concurrent or after a restart, start nothing. A delivery
 * started in its request is recorded with its start in one transaction; one for the inbox is stored
 * {@code queued} with its checked variables, and the drainer locks it, starts it and records the
 * outcome in one transaction, so a crash leaves it queued or started, never both. The trail asks it
 * which deliveries reached a run, and when they were received and started.
 */
public class DeliveryStore {

    private final JdbcTemplate jdbc;

    public DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static final String QUEUED = "queued";
    static final String DONE = "done";
    static final String FAILED = "failed";

    /**
     * A delivery the intake accepted, as the trail shows it: when it was received, what it did ({@link StartResult}'s
     * outcomes) and, from the inbox, when the drainer took it (else null).
     */
    public record Received(String source, String webhookId, String eventType, String outcome, Instant receivedAt, Instant startedAt) {
    }

    /** A delivery waiting in the inbox, as the drainer locked it. */
    record Queued(String source, String webhookId, String eventType, String businessKey, String variables, int attempts, Instant receivedAt) {
    }

    /** How deep the inbox is: queued deliveries, the oldest one's arrival (null when empty) and those given up on. */
    public record Depth(long queued, Instant oldestReceivedAt, long failed) {
    }

    /**
     * A delivery as its sender may look it up: {@code status} queued, done or failed (one handled in its request is done
     * when it was received, in one attempt), what it did, and when.
     */
    public record Status(String source, String webhookId, String eventType, String businessKey, String status, String outcome,
                         String processInstanceId, Instant receivedAt, Instant startedAt, int attempts, String lastError) {
    }

    /** Stores a checked delivery for the drainer. Throws {@link org.springframework.dao.DuplicateKeyException} when it is already known. */
    void enqueue(String source, String webhookId, String eventType, String businessKey, String variables, Instant receivedAt) {
        jdbc.update("insert into circuitos_webhook_delivery (source, webhook_id, event_type, business_key, outcome, status, variables, "
                        + "received_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                source, webhookId, eventType, businessKey, StartResult.QUEUED, QUEUED, variables, Timestamp.from(receivedAt));
    }

    /** The queue is read this many deliveries at a time while the drainer chooses a batch, at most {@link #PAGES_PER_BATCH} pages. */
    static final int PAGE = 1000;
    private static final int PAGES_PER_BATCH = 20;

    private static final String QUEUED_COLUMNS = "source, webhook_id, event_type, business_key, variables, attempts, received_at";
    private static final RowMapper<Queued> AS_QUEUED = (rs, n) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant());

    /**
     * Locks the oldest queued deliveries that are due, leaving out any behind an earlier queued delivery of the same
     * business key (so each key's deliveries start in arrival order, and a batch holds each key once; see
     * {@link InboxBatchChoice}). Another node draining at the same time waits for these rows and then skips them.
     */
    List<Queued> lockDue(int limit, Instant now) {
        InboxBatchChoice choice = new InboxBatchChoice(limit);
        long after = 0;
        for (int pages = 0; pages < PAGES_PER_BATCH; pages++) {
            List<InboxBatchChoice.Place> page = jdbc.query("select seq, business_key, next_attempt_at from circuitos_webhook_delivery "
                            + "where status = 'queued' and seq > ? order by seq limit ?",
                    (rs, n) -> new InboxBatchChoice.Place(rs.getLong(1), rs.getString(2),
                            rs.getTimestamp(3) == null || !rs.getTimestamp(3).toInstant().isAfter(now)), after, PAGE);
            if (!choice.read(page) || page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        List<Long> chosen = choice.chosen();
        if (chosen.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + QUEUED_COLUMNS + " from circuitos_webhook_delivery where status = 'queued' and seq in ("
                + String.join(", ", Collections.nCopies(chosen.size(), "?")) + ") order by seq for update", AS_QUEUED, chosen.toArray());
    }

    /** Locks one delivery if it is still queued (a batch that failed is started one by one). */
    Optional<Queued> lockQueued(String source, String webhookId) {
        return jdbc.query("select " + QUEUED_COLUMNS + " from circuitos_webhook_delivery where source = ? and webhook_id = ? "
                + "and status = 'queued' for update", AS_QUEUED, source, webhookId).stream().findFirst();
    }

    /** Records what the drainer did with each delivery; its variables now live in the run, so the inbox forgets them. */
    void started(List<Queued> deliveries, List<StartResult> results, Instant startedAt) {
        List<Object[]> rows = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            StartResult result = results.get(i);
            rows.add(new Object[] {result.processInstanceId(), result.outcome(), Timestamp.from(startedAt),
                    deliveries.get(i).source(), deliveries.get(i).webhookId()});
        }
        jdbc.batchUpdate("update circuitos_webhook_delivery set status = 'done', process_instance_id = ?, outcome = ?, started_at = ?, "
                + "variables = null, attempts = attempts + 1, next_attempt_at = null, last_error = null where source = ? and webhook_id = ?", rows);
    }

    /** A start that failed: tried again at {@code next}, or, with {@code next} null, given up (failed, kept with its variables). */
    void attemptFailed(String source, String webhookId, String error, Instant next) {
        String text = error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (next == null) {
            jdbc.update("update circuitos_webhook_delivery set status = 'failed', outcome = 'failed', attempts = attempts + 1, last_error = ?, "
                    + "next_attempt_at = null where source = ? and webhook_id = ? and status = 'queued'", text, source, webhookId);
        } else {
            jdbc.update("update circuitos_webhook_delivery set attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                    + "where source = ? and webhook_id = ? and status = 'queued'", text, Timestamp.from(next), source, webhookId);
        }
    }

    /** The inbox's depth now. */
    public Depth depth() {
        return jdbc.queryForObject("select count(case when status = 'queued' then 1 end), min(case when status = 'queued' then received_at end), "
                        + "count(case when status = 'failed' then 1 end) from circuitos_webhook_delivery where status in ('queued', 'failed')",
                (rs, n) -> new Depth(rs.getLong(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getLong(3)));
    }

    /** One delivery as its sender may look it up. */
    public Optional<Status> status(String source, String webhookId) {
        return jdbc.query("select source, webhook_id, event_type, business_key, status, outcome, process_instance_id, received_at, started_at, "
                                + "attempts, last_error from circuitos_webhook_delivery where source = ? and webhook_id = ?",
                        (rs, n) -> {
                            Instant received = rs.getTimestamp(8).toInstant();
                            boolean inRequest = rs.getString(5) == null; // handled in its request: done when received, in one attempt
                            return new Status(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), inRequest ? DONE : rs.getString(5),
                                    rs.getString(6), rs.getString(7), received,
                                    inRequest ? received : rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                                    inRequest ? 1 : rs.getInt(10), rs.getString(11));
                        }, source, webhookId)
                .stream().findFirst();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the delivery is already known. */
    void record(String source, String webhookId, String eventType, StartResult result, Instant receivedAt) {
        jdbc.update("insert into circuitos_webhook_delivery (source, webhook_id, event_type, business_key, "
                        + "process_instance_id, outcome, received_at) values (?, ?, ?, ?, ?, ?, ?)",
                source, webhookId, eventType, result.businessKey(), result.processInstanceId(), result.outcome(), Timestamp.from(receivedAt));
    }

    /** Records a batch's deliveries with their outcomes in one JDBC batch; a known one fails it as {@link #record} does. */
    void recordAll(String source, List<IntakeService.Delivery> batch, List<StartResult> results, Instant receivedAt) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            IntakeService.Delivery delivery = batch.get(i);
            StartResult result = results.get(i);
            rows.add(new Object[] {source, delivery.deliveryId(), delivery.type(), result.businessKey(), result.processInstanceId(),
                    result.outcome(), Timestamp.from(receivedAt)});
        }
        jdbc.batchUpdate("insert into circuitos_webhook_delivery (source, webhook_id, event_type, business_key, "
                + "process_instance_id, outcome, received_at) values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The known deliveries among {@code webhookIds}, by id. */
    Map<String, StartResult> findAll(String source, List<String> webhookIds) {
        Map<String, StartResult> known = new HashMap<>();
        if (webhookIds.isEmpty()) {
            return known;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(webhookIds.size(), "?"));
        List<Object> arguments = new ArrayList<>(webhookIds.size() + 1);
        arguments.add(source);
        arguments.addAll(webhookIds);
        jdbc.query("select webhook_id, process_instance_id, business_key, outcome from circuitos_webhook_delivery where source = ? "
                        + "and webhook_id in (" + placeholders + ")",
                rs -> {
                    known.put(rs.getString(1), StartResult.recorded(rs.getString(2), rs.getString(3), rs.getString(4)));
                }, arguments.toArray());
        return known;
    }

    Optional<StartResult> find(String source, String webhookId) {
        return jdbc.query("select process_instance_id, business_key, outcome from circuitos_webhook_delivery "
                                + "where source = ? and webhook_id = ?",
                        (rs, row) -> StartResult.recorded(rs.getString(1), rs.getString(2), rs.getString(3)), source, webhookId)
                .stream().findFirst();
    }

    /**
     * The deliveries that reached a run, oldest first: those recorded with its instance id, and those
     * with its business key whose event type is one of {@code eventTypes} (the events its process listens to).
     */
    public List<Received> forRun(String instanceId, String businessKey, Set<String> eventTypes) {
        return jdbc.query("select source, webhook_id, event_type, process_instance_id, received_at, started_at, outcome "
                        + "from circuitos_webhook_delivery where process_instance_id = ? or business_key = ? order by received_at",
                (rs, n) -> instanceId.equals(rs.getString("process_instance_id")) || eventTypes.contains(rs.getString("event_type"))
                        ? new Received(rs.getString("source"), rs.getString("webhook_id"), rs.getString("event_type"),
                        rs.getString("outcome"), rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("started_at") == null ? null : rs.getTimestamp("started_at").toInstant()) : null, instanceId, businessKey)
                .stream().filter(Objects::nonNull).toList();
    }

    /** What the deliveries of a business key tell when no run of it is found. */
    public enum KeyDeliveries {
        /** none of the process's events ever carried the key */
        NONE,
        /** one waits in the inbox: the run has not started yet */
        WAITING,
        /** they reached runs that are gone (history clean-up) */
        DELIVERED
    }

    /** What became of the deliveries of one of {@code eventTypes} that carried this business key. */
    public KeyDeliveries deliveriesOf(String businessKey, Set<String> eventTypes) {
        List<String> statuses = jdbc.query("select event_type, status from circuitos_webhook_delivery where business_key = ?",
                        (rs, n) -> eventTypes.contains(rs.getString(1)) ? Objects.toString(rs.getString(2), DONE) : null, businessKey)
                .stream().filter(Objects::nonNull).toList();
        return statuses.isEmpty() ? KeyDeliveries.NONE : statuses.contains(QUEUED) ? KeyDeliveries.WAITING : KeyDeliveries.DELIVERED;
    }
}
