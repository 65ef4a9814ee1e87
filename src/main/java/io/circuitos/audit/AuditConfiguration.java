package io.circuitos.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AuditConfiguration {

    /** Every decision table a process evaluates records its matched rule on the execution (the trail shows it). */
    @Bean
    public MatchedRuleRecorderPlugin matchedRuleRecorderPlugin() {
        return new MatchedRuleRecorderPlugin();
    }
}
