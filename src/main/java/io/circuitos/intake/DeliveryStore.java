package io.circuitos.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers every accepted delivery by {@code (source, webhook-id)}. The primary key is what makes
 * a redelivery, concurrent or after a restart, start nothing: the record and the process start
 * commit together or not at all.
 */
class DeliveryStore {

    private final JdbcTemplate jdbc;

    DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
