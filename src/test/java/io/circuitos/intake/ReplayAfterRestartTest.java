package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.nio.file.Path;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delivery replayed after the application restarted starts nothing: idempotency lives in the database. */
class ReplayAfterRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aReplayedDeliveryAfterRestartReturnsTheFirstInstance() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("circuitos") + ";LOCK_TIMEOUT=10000";
        String body = SignedWebhooks.closedLost("OPP-REPLAY-1");
        Instant sentAt = Instant.now();
        String firstInstance;
        try (RunningApp app = RunningApp.start(url, false)) {
            JsonNode first = JSON.readTree(new SignedWebhooks(app.baseUrl())
                    .send("crm", SignedWebhooks.CRM_SECRET, "msg_replay_1", sentAt, body).body());
            assertThat(first.get("duplicate").asBoolean()).isFalse();
            firstInstance = first.get("processInstanceId").asText();
        }
        try (RunningApp restarted = RunningApp.start(url, false)) {
            JsonNode replay = JSON.readTree(new SignedWebhooks(restarted.baseUrl())
                    .send("crm", SignedWebhooks.CRM_SECRET, "msg_replay_1", sentAt, body).body());
            assertThat(replay.get("duplicate").asBoolean()).isTrue();
            assertThat(replay.get("processInstanceId").asText()).isEqualTo(firstInstance);
            assertThat(restarted.bean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey("OPP-REPLAY-1").count()).isEqualTo(1);
        }
    }
}
