package io.circuitos.tasks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Generic "schedule at send time" service task: the first {@code sendTime} (HH:mm, in {@code zone})
 * on a weekday at least {@code after} (ISO-8601, e.g. P3D or PT4H) from now, for a timer's {@code timeDate},
 * so follow-ups go out when people read email.
 */
public class ScheduleAtSendTimeTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> AFTER = TaskInput.text("after", "ISO-8601 duration, e.g. P3D").required();
    static final TaskInput<String> SEND_TIME = TaskInput.text("sendTime", "local time, e.g. 10:00").required();
    static final TaskInput<String> ZONE = TaskInput.text("zone", "time zone (default circuitos.schedule.zone)");
    static final TaskOutput<Date> AT = TaskOutput.date("at", "when to send, for a timer's timeDate");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("scheduleAtSendTime")
            .title("Schedule at send time")
            .description("Finds the first weekday send time at least a duration from now, for a timer to wait for.")
            .inputs(AFTER, SEND_TIME, ZONE)
            .outputs(AT)
            .noSideEffects()
            .build();

    private final ZoneId defaultZone;

    public ScheduleAtSendTimeTask(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String zone = ZONE.read(execution);
        ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone == null ? defaultZone : ZoneId.of(zone));
        ZonedDateTime at = next(now, AFTER.require(execution), LocalTime.parse(SEND_TIME.require(execution)));
        AT.write(execution, Date.from(at.toInstant()));
    }

    static ZonedDateTime next(ZonedDateTime now, String after, LocalTime sendTime) {
        ZonedDateTime earliest = after.contains("T") ? now.plus(Duration.parse(after)) : now.plus(Period.parse(after));
        ZonedDateTime candidate = earliest.with(sendTime).withSecond(0).withNano(0);
        if (candidate.isBefore(earliest)) {
            candidate = candidate.plusDays(1);
        }
        while (candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}
