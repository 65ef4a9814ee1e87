package io.circuitos.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
public class StartSettingsConfiguration {

    /** Static: a post-processor runs before the configuration's other beans (and so before the engine) exist. */
    @Bean
    public static StartSettingsCheck startSettingsCheck(Environment environment) {
        return new StartSettingsCheck(environment);
    }
}
