package io.circuitos.agents.winback;

import io.circuitos.tasks.TaskInputs;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Opens a campaign: a webhook brings {@code campaignId}, {@code windowDays}, {@code topN} and
 * {@code budget}; the weekly timer brings nothing, so the campaign gets the id {@code WB-<date>}
 * and the defaults given as this task's inputs ({@code defaultWindowDays}, {@code defaultTopN},
 * {@code defaultBudget}), which analysts edit in the Modeler. {@code defaultChunkSize} (100 when
 * absent) becomes {@code chunkSize}: how many customers one job of the campaign works.
 */
public class OpenCampaignDelegate implements JavaDelegate {

    static final int DEFAULT_CHUNK_SIZE = 100;
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'WB-'yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC);

    @Override
    public void execute(DelegateExecution execution) {
        boolean scheduled = execution.getVariable("campaignId") == null;
        if (scheduled) {
            execution.setVariable("campaignId", ID.format(ClockUtil.getCurrentTime().toInstant()));
        }
        execution.getProcessInstance().setProcessBusinessKey(String.valueOf(execution.getVariable("campaignId")));
        execution.setVariable("trigger", scheduled ? "schedule" : "webhook");
        defaultTo(execution, "windowDays", "defaultWindowDays");
        defaultTo(execution, "topN", "defaultTopN");
        defaultTo(execution, "budget", "defaultBudget");
        if (execution.getVariable("chunkSize") == null) {
            execution.setVariable("chunkSize", (int) TaskInputs.number(execution, "defaultChunkSize", DEFAULT_CHUNK_SIZE));
        }
    }

    private static void defaultTo(DelegateExecution execution, String name, String defaultName) {
        if (execution.getVariable(name) == null) {
            execution.setVariable(name, TaskInputs.number(execution, defaultName));
        }
    }
}
