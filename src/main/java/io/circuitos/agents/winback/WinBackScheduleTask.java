package io.circuitos.agents.winback;

import io.circuitos.engine.ExpressionSettings;
import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import java.util.Map;

/**
 * The weekly campaign's cron ({@code circuitos.winback.schedule}, Camunda/Quartz syntax, server
 * time zone), read by the timer start event of {@code processes/win-back.bpmn} as
 * {@code ${winBackSchedule.cron}} when the process is deployed.
 */
public class WinBackScheduleTask implements ExpressionSettings, GenericTask {

    static final TaskOutput<String> CRON = TaskOutput.text("cron", "the weekly campaign's cron (circuitos.winback.schedule)");

    public static final TaskSpec SPEC = TaskSpec.setting("winBackSchedule")
            .agent(CampaignRun.AGENT)
            .title("The weekly win-back schedule (circuitos.winback.schedule)")
            .description("The cron of the weekly win-back campaign, for the timer start event: ${winBackSchedule.cron}.")
            .outputs(CRON)
            .build();

    private final String cron;

    public WinBackScheduleTask(String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }

    @Override
    public Map<String, Object> expressionValues() {
        return Map.of(CRON.name(), cron);
    }
}
