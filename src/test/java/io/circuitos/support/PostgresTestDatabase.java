package io.circuitos.support;

import static org.assertj.core.api.Assertions.fail;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL server for tests marked for it: {@code CIRCUITOS_TEST_POSTGRES_URL} when set (CI
 * sets it to the machine's server), otherwise a Testcontainers PostgreSQL when Docker is available,
 * otherwise the test fails and says how to provide one. Never a silent skip.
 */
public final class PostgresTestDatabase {

    public static final String ENV = "CIRCUITOS_TEST_POSTGRES_URL";
    private static PostgreSQLContainer<?> container;

    private PostgresTestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        String url = System.getenv(ENV);
        if (url != null && !url.isBlank()) {
            return asThePostgresProfile(url);
        }
        if (container == null && dockerAvailable()) {
            container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
        }
        if (container != null) {
            return asThePostgresProfile(container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword());
        }
        return fail("No PostgreSQL for this test: set " + ENV + " (e.g. jdbc:postgresql://127.0.0.1:5432/circuitos_test?user=postgres"
                + " after 'createdb -h 127.0.0.1 -U postgres circuitos_test'), or make Docker available for Testcontainers. "
                + "'bash .ci/run' does the former.");
    }

    /** With the driver settings of application-postgres.yaml, so the tests run the engine as production does. */
    private static String asThePostgresProfile(String url) {
        return url.contains("reWriteBatchedInserts") ? url : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
