package io.circuitos.acceptance;

import io.circuitos.support.PostgresTestDatabase;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EveryAgentTellsTheTruthTest} on PostgreSQL: the same surfaces, the same truths. */
@Tag("postgres")
class EveryAgentTellsTheTruthOnPostgresTest extends EveryAgentTellsTheTruthTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresTestDatabase::jdbcUrl);
    }
}
