package io.circuitos.ml;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MlProperties.class)
public class MlConfiguration {

    @Bean
    public ModelRegistry modelRegistry(MlProperties ml, Clock clock) {
        WekaEnvironment.init();
        return new ModelRegistry(ml.modelsDir(), ml.recheckInterval(), clock);
    }

    @Bean
    public DriftMonitor driftMonitor(MlProperties ml) {
        return new DriftMonitor(ml.drift().window(), ml.drift().minCases());
    }

    @Bean
    public ModelVersions modelVersions(MlProperties ml, ModelRegistry registry) {
        return new ModelVersions(ml.modelsDir(), registry);
    }
}
