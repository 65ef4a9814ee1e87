package io.circuitos.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** An import stopped part way by a fault says what is committed and that sending the file again is safe. */
class ImportFaultsTest {

    @Test
    void anOutageWhileWritingIs503WithTheCommittedRows() {
        var answer = ImportFaults.answer(500, new CannotGetJdbcConnectionException("pool", new SQLException("refused", "08001")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody()).containsEntry("committed", 500L);
        assertThat(answer.getBody().get("error").toString()).contains("500 rows were committed", "uploading the same file again is safe");
    }

    @Test
    void anotherFaultSaysTheSameWithoutPretendingToBeAnOutage() {
        var answer = ImportFaults.answer(250, new IllegalStateException("bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody()).containsEntry("committed", 250L);
    }
}
