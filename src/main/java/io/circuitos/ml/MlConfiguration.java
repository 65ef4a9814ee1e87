package io.circuitos.ml;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class MlConfiguration {

    @Bean
    public ModelRegistry modelRegistry(@Value("${circuitos.ml.models-dir:ml-models}") Path modelsDir,
                                       @Value("${circuitos.ml.recheck-interval:PT10S}") Duration recheckInterval, Clock clock) {
        WekaEnvironment.init();
        return new ModelRegistry(modelsDir, recheckInterval, clock);
    }
}
