package io.circuitos.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

@Configuration
public class IdentityConfiguration {

    private final ProcessEngine engine;
    private final boolean createGroups;
    private final boolean demoUsers;

    public IdentityConfiguration(ProcessEngine engine,
                                 @Value("${circuitos.identity.create-groups:true}") boolean createGroups,
                                 @Value("${circuitos.identity.demo-users:false}") boolean demoUsers) {
        this.engine = engine;
        this.createGroups = createGroups;
        this.demoUsers = demoUsers;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void setUpIdentity() {
        new GroupAuthorizations(engine.getIdentityService(), engine.getAuthorizationService(), engine.getFilterService(),
                engine.getTaskService()).apply(createGroups);
        if (demoUsers) {
            new DemoUsers(engine.getIdentityService()).create();
        }
    }
}
