package io.circuitos.agents.winback;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.agents.winback.WinBackProcess.Element;
import io.circuitos.support.RunningApp;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new {@code circuitos.winback.schedule} takes effect at the next start, although the BPMN (and its timer) was deployed before. */
class WinBackScheduleTest {

    @TempDir
    Path dir;

    @Test
    void aChangedScheduleMovesTheWaitingWeeklyTimerAtTheNextStart() {
        String url = "jdbc:h2:file:" + dir.resolve("circuitos") + ";LOCK_TIMEOUT=10000";
        try (RunningApp app = RunningApp.start(url, false)) {
            ZonedDateTime due = dueDate(app);
            assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(due.getHour()).isEqualTo(9);
        }
        try (RunningApp restarted = RunningApp.start(url, false, "circuitos.winback.schedule=0 30 7 ? * TUE")) {
            ZonedDateTime due = dueDate(restarted);
            assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(due.getHour()).isEqualTo(7);
            assertThat(due.getMinute()).isEqualTo(30);
            assertThat(restarted.bean(ManagementService.class).createJobQuery().timers().activityId(Element.WEEKLY_SCHEDULE).count())
                    .isEqualTo(1);
        }
    }

    private static ZonedDateTime dueDate(RunningApp app) {
        Job timer = app.bean(ManagementService.class).createJobQuery().processDefinitionKey(WinBackProcess.KEY)
                .activityId(WinBackScheduleSync.TIMER_ACTIVITY).timers().singleResult();
        return timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
    }
}
