package io.circuitos.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application's clock is the engine's: moving one moves the other. */
class EngineClockTest {

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void theApplicationReadsTheEnginesTime() {
        Instant engineTime = Instant.parse("2026-03-02T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(engineTime));

        assertThat(new EngineClock().instant()).isEqualTo(engineTime);
        assertThat(new EngineClock().withZone(java.time.ZoneId.of("Europe/Berlin")).instant()).isEqualTo(engineTime);
    }
}
