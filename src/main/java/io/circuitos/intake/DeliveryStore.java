package io.circuitos.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code circuitos_webhook_delivery}: remembers every accepted delivery by {@code (source, webhook-id)}.
 * The primary key is what makes a redelivery, concurrent or after a restart, start nothing: the
 * record and the process start commit together or not at all. The trail asks it which deliveries
 * reached a run.
 */
public class DeliveryStore {

    private final JdbcTemplate jdbc;

    public DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery the intake accepted, as the trail shows it. */
    public record Received(String source, String webhookId, String eventType, Instant receivedAt) {
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the delivery is already known. */
    void record(String source, String webhookId, String eventType, StartResult result, Instant receivedAt) {
        jdbc.update("insert into circuitos_webhook_delivery (source, webhook_id, event_type, business_key, "
                        + "process_instance_id, outcome, received_at) values (?, ?, ?, ?, ?, ?, ?)",
                source, webhookId, eventType, result.businessKey(), result.processInstanceId(), result.outcome(), Timestamp.from(receivedAt));
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
        return jdbc.query("select source, webhook_id, event_type, process_instance_id, received_at "
                        + "from circuitos_webhook_delivery where process_instance_id = ? or business_key = ? order by received_at",
                (rs, n) -> instanceId.equals(rs.getString("process_instance_id")) || eventTypes.contains(rs.getString("event_type"))
                        ? new Received(rs.getString("source"), rs.getString("webhook_id"), rs.getString("event_type"),
                        rs.getTimestamp("received_at").toInstant()) : null, instanceId, businessKey)
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Whether a delivery of one of {@code eventTypes} ever carried this business key (the runs it reached may be gone). */
    public boolean anyFor(String businessKey, Set<String> eventTypes) {
        return jdbc.queryForList("select event_type from circuitos_webhook_delivery where business_key = ?", String.class, businessKey)
                .stream().anyMatch(eventTypes::contains);
    }
}
