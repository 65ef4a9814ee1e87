package io.circuitos.agents.winback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code circuitos_save_probability_change}: every change the agent made to decision
 * {@code win-back-save-probability}, with the old and new value, its evidence and the table version it deployed.
 */
public class SaveProbabilityChangeStore {

    private final JdbcTemplate jdbc;

    public SaveProbabilityChangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Change(String segment, String offer, double oldProbability, double newProbability, int sent, int reactivated,
                         String campaignId, int decisionVersion, String deploymentId, Instant changedAt) {
    }

    public void record(Change change) {
        jdbc.update("insert into circuitos_save_probability_change (id, segment, offer, old_probability, new_probability, sent, "
                        + "reactivated, campaign_id, decision_version, deployment_id, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), change.segment(), change.offer(), change.oldProbability(), change.newProbability(),
                change.sent(), change.reactivated(), change.campaignId(), change.decisionVersion(), change.deploymentId(),
                Timestamp.from(change.changedAt()));
    }
}
