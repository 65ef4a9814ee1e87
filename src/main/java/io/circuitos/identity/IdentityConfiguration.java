package io.circuitos.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

@Configuration
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {

    private final ProcessEngine engine;
    private final IdentityProperties.Identity identity;

    public IdentityConfiguration(ProcessEngine engine, IdentityProperties properties) {
        this.engine = engine;
        this.identity = properties.identity();
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void setUpIdentity() {
        new GroupAuthorizations(engine.getIdentityService(), engine.getAuthorizationService(), engine.getFilterService(),
                engine.getTaskService(), identity.runReaders()).apply(identity.createGroups());
        if (identity.demoUsers()) {
            new DemoUsers(engine.getIdentityService()).create();
        }
        new InitialAdmin(engine.getIdentityService()).ensure(identity.initialAdmin().user(), identity.initialAdmin().password(),
                identity.requireAdmin());
    }
}
