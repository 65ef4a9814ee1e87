package io.circuitos.intake;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code circuitos_run_key}: a row lock per {@code (process, business key)}, held until the intake's transaction ends. Two
 * deliveries for the same key, on one node or two, look for an active run one after the other, so
 * under {@link ActiveRunPolicy#IGNORE} only the first starts one. The first delivery for a key inserts
 * its row; a concurrent first delivery then fails on the primary key (PostgreSQL and H2 wait for the
 * inserting transaction first) and the intake runs it again, when the row exists and locks.
 */
class RunKeyStore {

    private final JdbcTemplate jdbc;

    RunKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the key's row in the current transaction. Throws {@link org.springframework.dao.DuplicateKeyException}
     * (or a lock failure) when another transaction created it at the same time: run the transaction again.
     */
    void lock(String processKey, String businessKey) {
        boolean exists = !jdbc.queryForList("select business_key from circuitos_run_key where process_key = ? and business_key = ? for update",
                String.class, processKey, businessKey).isEmpty();
        if (!exists) {
            jdbc.update("insert into circuitos_run_key (process_key, business_key) values (?, ?)", processKey, businessKey);
        }
    }
}
