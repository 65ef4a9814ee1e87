package io.circuitos.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of circuitos: the engine's ({@code ClockUtil}), as a {@link Clock} for the application's
 * own classes, so timers, due dates, the delivery and ledger records and the attribution window all read
 * the same time (and a test that moves the engine's clock moves everything).
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock() {
        this(ZoneOffset.UTC);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
