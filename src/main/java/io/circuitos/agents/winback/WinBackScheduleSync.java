package io.circuitos.agents.winback;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The weekly timer is created when the process is deployed, with the cron of that moment; a deployment
 * is skipped when the BPMN has not changed. So that a new {@code circuitos.winback.schedule} takes
 * effect at the next start, the waiting timer is moved to the configured cron here (engine internals:
 * there is no public API to change a timer's cycle).
 */
public class WinBackScheduleSync {

    private static final Logger LOG = LoggerFactory.getLogger(WinBackScheduleSync.class);
    static final String TIMER_ACTIVITY = WinBackProcess.Element.WEEKLY_SCHEDULE;

    private final ProcessEngineConfigurationImpl engine;
    private final ManagementService management;
    private final String cron;

    public WinBackScheduleSync(ProcessEngineConfigurationImpl engine, ManagementService management, String cron) {
        this.engine = engine;
        this.management = management;
        this.cron = cron;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void sync() {
        Date next = nextFire();
        for (Job job : management.createJobQuery().processDefinitionKey(WinBackProcess.KEY).activityId(TIMER_ACTIVITY).timers().list()) {
            engine.getCommandExecutorTxRequired().execute(context -> {
                JobEntity entity = context.getJobManager().findJobById(job.getId());
                if (entity instanceof TimerEntity timer && !cron.equals(timer.getRepeat())) {
                    LOG.info("win-back schedule changed from '{}' to '{}': next campaign {}", timer.getRepeat(), cron, next);
                    timer.setRepeat(cron);
                    timer.setDuedate(next);
                }
                return null;
            });
        }
    }

    /** The next due date as the engine itself computes a timer cycle. */
    private Date nextFire() {
        return engine.getBusinessCalendarManager().getBusinessCalendar(CycleBusinessCalendar.NAME).resolveDuedate(cron);
    }
}
