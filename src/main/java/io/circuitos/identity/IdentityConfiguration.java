package io.circuitos.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
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
    private final Map<String, List<String>> runReaders;

    public IdentityConfiguration(ProcessEngine engine,
                                 @Value("${circuitos.identity.create-groups:true}") boolean createGroups,
                                 @Value("${circuitos.identity.demo-users:false}") boolean demoUsers,
                                 @Value("${circuitos.identity.initial-admin.user:}") String initialAdminUser,
                                 @Value("${circuitos.identity.initial-admin.password:}") String initialAdminPassword,
                                 @Value("${circuitos.identity.require-admin:false}") boolean requireAdmin,
                                 Environment environment) {
        this.engine = engine;
        this.createGroups = createGroups;
        this.demoUsers = demoUsers;
        this.initialAdminUser = initialAdminUser;
        this.initialAdminPassword = initialAdminPassword;
        this.requireAdmin = requireAdmin;
        this.runReaders = Binder.get(environment)
                .bind("circuitos.identity.run-readers", Bindable
                        .mapOf(String.class, String[].class))
                .map(map -> {
                    Map<String, List<String>> readers = new LinkedHashMap<>();
                    map.forEach((group, keys) -> readers.put(group, List.of(keys)));
                    return readers;
                }).orElse(Map.of());
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void setUpIdentity() {
        new GroupAuthorizations(engine.getIdentityService(), engine.getAuthorizationService(), engine.getFilterService(),
                engine.getTaskService(), runReaders).apply(createGroups);
        if (demoUsers) {
            new DemoUsers(engine.getIdentityService()).create();
        }
        new InitialAdmin(engine.getIdentityService()).ensure(initialAdminUser, initialAdminPassword, requireAdmin);
    }
}
