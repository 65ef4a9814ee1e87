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
 * on a weekday at least {@code after} (ISO-8601, e.g. P3D or PT4H) from now. Writes local {@code at}
 * (a date) for a timer's {@code timeDate}, so follow-ups go out when people read email.
 */
public class SendTimeScheduler implements JavaDelegate {

    private final ZoneId defaultZone;

    public SendTimeScheduler(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object zone = execution.getVariable("zone");
        ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(),
                zone == null ? defaultZone : ZoneId.of(zone.toString()));
        ZonedDateTime at = next(now, String.valueOf(execution.getVariable("after")),
                LocalTime.parse(String.valueOf(execution.getVariable("sendTime"))));
        execution.setVariableLocal("at", Date.from(at.toInstant()));
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
