package io.circuitos.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AuditConfiguration {

    @Bean
    public EndReasonListener recordEndReason() {
        return new EndReasonListener();
    }

    @Bean
    public AppendMessageListener appendMessage() {
        return new AppendMessageListener();
    }
}
