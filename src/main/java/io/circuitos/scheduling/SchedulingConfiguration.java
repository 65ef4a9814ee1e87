package io.circuitos.scheduling;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SchedulingConfiguration {

    @Bean
    public SendTimeScheduler scheduleAtSendTime(@Value("${circuitos.schedule.zone:UTC}") ZoneId zone) {
        return new SendTimeScheduler(zone);
    }
}
