package io.circuitos.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code circuitos_sent_email}: one row per email a process step sent, keyed by its idempotency scope
 * (the process instance, or a scope such as {@code win-back:<campaign id>}) and step. The send task
 * records before it sends; the trail asks which emails a run sent.
 */
public class SentEmailStore {

    private final JdbcTemplate jdbc;

    public SentEmailStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record SentEmail(String step, String recipient, String subject, Instant sentAt) {
    }

    /** Records the email unless this scope and step already sent one: true when this call recorded it (send it now). */
    public boolean recordOnce(String scope, String step, String recipient, String subject, Instant at) {
        Integer already = jdbc.queryForObject("select count(*) from circuitos_sent_email where process_instance_id = ? and step = ?",
                Integer.class, scope, step);
        if (already != null && already > 0) {
            return false;
        }
        jdbc.update("insert into circuitos_sent_email (process_instance_id, step, recipient, subject, sent_at) values (?, ?, ?, ?, ?)",
                scope, step, recipient, subject, Timestamp.from(at));
        return true;
    }

    /** The emails a run sent, oldest first: under its instance id or under the scope {@code <process key>:<business key>}. */
    public List<SentEmail> forRun(String instanceId, String processKey, String businessKey) {
        return jdbc.query("select step, recipient, subject, sent_at from circuitos_sent_email "
                        + "where process_instance_id = ? or process_instance_id = ? order by sent_at",
                (rs, n) -> new SentEmail(rs.getString("step"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getTimestamp("sent_at").toInstant()), instanceId, processKey + ":" + businessKey);
    }
}
