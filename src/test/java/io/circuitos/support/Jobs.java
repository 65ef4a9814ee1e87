package io.circuitos.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs an instance's due jobs the way the job executor would, for tests that keep it switched off. */
public final class Jobs {

    private Jobs() {
    }

    public static void runDue(ManagementService management, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs of " + processInstanceId + " did not settle");
    }

    /**
     * Like the job executor: a job that fails keeps its exception and one retry fewer while the
     * others go on; {@code afterEachRound} may move the clock so retries fall due.
     */
    public static void runDueKeepingFailures(ManagementService management, String processInstanceId, Runnable afterEachRound) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                afterEachRound.run(); // e.g. the clock reaches a retry that an earlier run left waiting
                due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            }
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // recorded on the job, as the job executor records it
                }
            }
            afterEachRound.run();
        }
        throw new IllegalStateException("jobs of " + processInstanceId + " did not settle");
    }
}
