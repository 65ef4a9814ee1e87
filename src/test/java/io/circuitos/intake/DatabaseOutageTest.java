package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What counts as the database being away (503, send again), and what stays an error. */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreAnOutage() {
        assertThat(IntakeRejectionHandler.isDatabaseOutage(new CannotGetJdbcConnectionException("pool", new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(IntakeRejectionHandler.isDatabaseOutage(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(IntakeRejectionHandler.isDatabaseOutage(new ProcessEngineException("engine",
                new RuntimeException(new SQLException("terminating connection due to administrator command", "08006"))))).isTrue();
        assertThat(IntakeRejectionHandler.isDatabaseOutage(new ProcessEngineException("engine",
                new java.sql.SQLTransientConnectionException("Connection is not available, request timed out after 30000ms")))).isTrue();
    }

    @Test
    void aRollbackThatFailsOnAClosedConnectionIsAnOutage() {
        assertThat(IntakeRejectionHandler.isDatabaseOutage(new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(IntakeRejectionHandler.isDatabaseOutage(new org.springframework.transaction.TransactionSystemException("commit failed",
                new SQLException("could not serialize access", "40001")))).isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(IntakeRejectionHandler.isDatabaseOutage(new ProcessEngineException("engine",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(IntakeRejectionHandler.isDatabaseOutage(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void anOutageIsAnswered503WithRetryAfter() {
        var answer = new IntakeRejectionHandler().database(new CannotCreateTransactionException("no connection"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }
}
