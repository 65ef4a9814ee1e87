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
    private final String initialAdminUser;
    private final String initialAdminPassword;
    private final boolean requireAdmin;

    public IdentityConfiguration(ProcessEngine engine,
                                 @Value("${circuitos.identity.create-groups:true}") boolean createGroups,
                                 @Value("${circuitos.identity.demo-users:false}") boolean demoUsers,
                                 @Value("${circuitos.identity.initial-admin.user:}") String initialAdminUser,
                                 @Value("${circuitos.identity.initial-admin.password:}") String initialAdminPassword,
                                 @Value("${circuitos.identity.require-admin:false}") boolean requireAdmin) {
        this.engine = engine;
        this.createGroups = createGroups;
        this.demoUsers = demoUsers;
        this.initialAdminUser = initialAdminUser;
        this.initialAdminPassword = initialAdminPassword;
        this.requireAdmin = requireAdmin;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void setUpIdentity() {
        new GroupAuthorizations(engine.getIdentityService(), engine.getAuthorizationService(), engine.getFilterService(),
                engine.getTaskService()).apply(createGroups);
        if (demoUsers) {
            new DemoUsers(engine.getIdentityService()).create();
        }
        new InitialAdmin(engine.getIdentityService()).ensure(initialAdminUser, initialAdminPassword, requireAdmin);
    }
}
