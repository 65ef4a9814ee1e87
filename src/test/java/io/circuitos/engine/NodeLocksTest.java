package io.circuitos.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.support.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** After a crash, a node's restart releases the job locks its dead process held, and only those. */
class NodeLocksTest {

    @Test
    void aRestartedNodeReleasesItsOwnStaleLocksAndLeavesOtherNodesLocksAlone() throws Exception {
        Path dir = Files.createTempDirectory("node-locks");
        String url = "jdbc:h2:file:" + dir.resolve("circuitos") + ";LOCK_TIMEOUT=10000";
        String ownJob;
        String otherJob;
        try (RunningApp app = RunningApp.start(url, false, "circuitos.node-id=node-a")) {
            RuntimeService runtime = app.bean(RuntimeService.class);
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            ownJob = asyncJob(runtime, jdbc, "OPP-LOCK-A");
            otherJob = asyncJob(runtime, jdbc, "OPP-LOCK-B");
            // what a process killed while running the jobs leaves behind: locks held for minutes to come
            jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = dateadd('HOUR', 1, current_timestamp) where ID_ = ?", "node-a", ownJob);
            jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = dateadd('HOUR', 1, current_timestamp) where ID_ = ?", "node-b", otherJob);
        }

        try (RunningApp restarted = RunningApp.start(url, false, "circuitos.node-id=node-a")) {
            JdbcTemplate jdbc = restarted.bean(JdbcTemplate.class);
            assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) restarted.bean(org.camunda.bpm.engine.ProcessEngine.class)
                    .getProcessEngineConfiguration()).getJobExecutor().getLockOwner()).as("jobs are locked under the node id").isEqualTo("node-a");
            Map<String, Object> own = jdbc.queryForMap("select LOCK_OWNER_, LOCK_EXP_TIME_ from ACT_RU_JOB where ID_ = ?", ownJob);
            Map<String, Object> other = jdbc.queryForMap("select LOCK_OWNER_, LOCK_EXP_TIME_ from ACT_RU_JOB where ID_ = ?", otherJob);
            assertThat(own.get("LOCK_OWNER_")).isNull();
            assertThat(own.get("LOCK_EXP_TIME_")).isNull();
            assertThat(other.get("LOCK_OWNER_")).as("another node's lock").isEqualTo("node-b");
        }
    }

    private static String asyncJob(RuntimeService runtime, JdbcTemplate jdbc, String businessKey) {
        String instance = runtime.createProcessInstanceByKey("lost-opportunity").businessKey(businessKey)
                .setVariables(Map.of("opportunityId", businessKey, "amount", 1000.0, "contactEmail", "a@b.example"))
                .execute().getId();
        return jdbc.queryForObject("select ID_ from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?", String.class, instance);
    }
}
