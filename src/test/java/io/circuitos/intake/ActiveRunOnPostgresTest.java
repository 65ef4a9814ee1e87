package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.circuitos.support.PostgresTestDatabase;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** On PostgreSQL too, deliveries racing for one business key under {@code on-active-run: ignore} start one run. */
@Tag("postgres")
class ActiveRunOnPostgresTest {

    @Test
    void concurrentDeliveriesForOneBusinessKeyStartOneRun() throws Exception {
        String opportunity = "OPP-PG-RACE-" + System.nanoTime();
        try (RunningApp app = RunningApp.start(PostgresTestDatabase.jdbcUrl(), false)) {
            List<JsonNode> answers = ActiveRunIntakeTest.sendAtOnce(new SignedWebhooks(app.baseUrl()), opportunity, 16);

            assertThat(answers).filteredOn(a -> a.get("outcome").asText().equals("started")).hasSize(1);
            assertThat(answers).filteredOn(a -> a.get("outcome").asText().equals("ignored-active-run")).hasSize(15);
            assertThat(app.bean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey("lost-opportunity")
                    .processInstanceBusinessKey(opportunity).count()).isEqualTo(1);
        }
    }
}
