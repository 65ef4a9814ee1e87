package io.circuitos.agents.winback;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
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
public class OpenWinBackCampaignTask implements JavaDelegate, GenericTask {

    static final int STANDARD_CHUNK_SIZE = 100;
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'WB-'yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC);

    static final TaskInput<String> GIVEN_CAMPAIGN_ID = TaskInput.text(CampaignRun.CAMPAIGN_ID.name(),
            "given by the webhook; a scheduled start gets one").fromRun();
    static final TaskInput<Double> GIVEN_WINDOW_DAYS = TaskInput.number("windowDays", "given by the webhook").fromRun();
    static final TaskInput<Double> GIVEN_TOP_N = TaskInput.number("topN", "given by the webhook").fromRun();
    static final TaskInput<Double> GIVEN_BUDGET = TaskInput.number("budget", "given by the webhook").fromRun();
    static final TaskInput<Double> GIVEN_CHUNK_SIZE = TaskInput.number(CampaignChunks.CHUNK_SIZE.name(), "given by the webhook").fromRun();
    static final TaskInput<Double> DEFAULT_WINDOW_DAYS = TaskInput.number("defaultWindowDays",
            "churned within this many days, when the start gives none").required();
    static final TaskInput<Double> DEFAULT_TOP_N = TaskInput.number("defaultTopN", "at most this many customers, when the start gives none")
            .required();
    static final TaskInput<Double> DEFAULT_BUDGET = TaskInput.number("defaultBudget", "the offers' budget, when the start gives none")
            .required();
    static final TaskInput<Double> DEFAULT_CHUNK_SIZE = TaskInput.number("defaultChunkSize",
            "customers per job, when the start gives none (default " + STANDARD_CHUNK_SIZE + ")");
    static final TaskOutput<String> CAMPAIGN_ID = TaskOutput.text(GIVEN_CAMPAIGN_ID.name(), "the campaign's id, also the run's business key");
    static final TaskOutput<String> TRIGGER = TaskOutput.text("trigger", "schedule or webhook");
    static final TaskOutput<Number> WINDOW_DAYS = TaskOutput.number(GIVEN_WINDOW_DAYS.name(), "churned within this many days");
    static final TaskOutput<Number> TOP_N = TaskOutput.number(GIVEN_TOP_N.name(), "at most this many customers");
    static final TaskOutput<Number> BUDGET = TaskOutput.number(GIVEN_BUDGET.name(), "the offers' budget");
    static final TaskOutput<Number> CHUNK_SIZE = TaskOutput.number(GIVEN_CHUNK_SIZE.name(), "customers per job");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("openWinBackCampaign")
            .agent(CampaignRun.AGENT)
            .title("Open a win-back campaign")
            .description("Opens a campaign: its id and business key, and the window, size, budget and chunk size the start gave "
                    + "or this task's defaults.")
            .inputs(GIVEN_CAMPAIGN_ID, GIVEN_WINDOW_DAYS, GIVEN_TOP_N, GIVEN_BUDGET, GIVEN_CHUNK_SIZE,
                    DEFAULT_WINDOW_DAYS, DEFAULT_TOP_N, DEFAULT_BUDGET, DEFAULT_CHUNK_SIZE)
            .outputs(CAMPAIGN_ID, TRIGGER, WINDOW_DAYS, TOP_N, BUDGET, CHUNK_SIZE)
            .writesIntoScope()
            .noSideEffects()
            .build();

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = GIVEN_CAMPAIGN_ID.read(execution);
        boolean scheduled = campaignId == null;
        if (scheduled) {
            campaignId = ID.format(ClockUtil.getCurrentTime().toInstant());
            CAMPAIGN_ID.writeInScope(execution, campaignId);
        }
        execution.getProcessInstance().setProcessBusinessKey(campaignId);
        TRIGGER.writeInScope(execution, scheduled ? "schedule" : "webhook");
        defaultTo(execution, GIVEN_WINDOW_DAYS, DEFAULT_WINDOW_DAYS, WINDOW_DAYS);
        defaultTo(execution, GIVEN_TOP_N, DEFAULT_TOP_N, TOP_N);
        defaultTo(execution, GIVEN_BUDGET, DEFAULT_BUDGET, BUDGET);
        if (!GIVEN_CHUNK_SIZE.isSet(execution)) {
            CHUNK_SIZE.writeInScope(execution, DEFAULT_CHUNK_SIZE.read(execution, (double) STANDARD_CHUNK_SIZE).intValue());
        }
    }

    private static void defaultTo(DelegateExecution execution, TaskInput<Double> given, TaskInput<Double> fallback, TaskOutput<Number> output) {
        if (!given.isSet(execution)) {
            output.writeInScope(execution, fallback.require(execution));
        }
    }
}
