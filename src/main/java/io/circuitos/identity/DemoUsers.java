package io.circuitos.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * DEMO VALUES for the embedded default only: users whose password equals their name. Never
 * enabled in production ({@code circuitos.identity.demo-users=false}; Keycloak provides users).
 */
public class DemoUsers {

    record DemoUser(String id, String firstName, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("demo", "Demo Admin", List.of(Groups.ADMINS, Groups.CAMUNDA_ADMIN)),
            new DemoUser("rep", "Riley Rep", List.of(Groups.SALES_REPS)),
            new DemoUser("manager", "Morgan Manager", List.of(Groups.SALES_MANAGERS, Groups.MARKETING_MANAGERS, Groups.SUPPORT_LEADS)),
            new DemoUser("analyst", "Avery Analyst", List.of(Groups.ANALYSTS)),
            new DemoUser("agent", "Alex Agent", List.of(Groups.SUPPORT_AGENTS)));

    private final IdentityService identityService;

    public DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void create() {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName("(demo)");
                user.setEmail(demo.id() + "@demo.circuitos.invalid");
                user.setPassword(demo.id()); // demo value: password = user name
                identityService.saveUser(user);
            }
            for (String group : demo.groups()) {
                if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                    identityService.createMembership(demo.id(), group);
                }
            }
        }
    }
}
