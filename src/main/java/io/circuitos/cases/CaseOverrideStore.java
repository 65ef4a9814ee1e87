package io.circuitos.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Owner of {@code circuitos_case_override}: the deployments admins made past a failing case book, with their reason. */
public class CaseOverrideStore {

    public record Override(String processKey, String byUser, String reason, String failing, java.time.Instant at) {
    }

    private final JdbcTemplate database;
    private final Clock clock;

    public CaseOverrideStore(JdbcTemplate database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void record(String processKey, String byUser, String reason, String failing) {
        database.update("insert into circuitos_case_override (id, process_key, by_user, reason, failing, at) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), processKey, byUser, truncate(reason, 2000), truncate(failing, 4000), Timestamp.from(clock.instant()));
    }

    public List<Override> forProcess(String processKey) {
        return database.query("select process_key, by_user, reason, failing, at from circuitos_case_override where process_key = ? order by at",
                (row, n) -> new Override(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getTimestamp(5).toInstant()),
                processKey);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
