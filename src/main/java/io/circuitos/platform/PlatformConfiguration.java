package io.circuitos.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PlatformConfiguration {

    @Bean
    public CircuitosEnginePlugin circuitosEnginePlugin() {
        return new CircuitosEnginePlugin();
    }

    @Bean
    public ResourceDeployer resourceDeployer() {
        return new ResourceDeployer();
    }
}
