package io.circuitos.agents.winback;

/**
 * The weekly campaign's cron ({@code circuitos.winback.schedule}, Camunda/Quartz syntax, server
 * time zone), read by the timer start event of {@code processes/win-back.bpmn} as
 * {@code ${winBackSchedule.cron}} when the process is deployed.
 */
public class WinBackSchedule implements io.circuitos.engine.ExpressionSettings {

    private final String cron;

    public WinBackSchedule(String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }

    @Override
    public java.util.Map<String, Object> expressionValues() {
        return java.util.Map.of("cron", cron);
    }
}
