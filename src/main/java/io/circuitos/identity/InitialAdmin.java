package io.circuitos.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production on the engine's own identity: creates the first administrator from
 * {@code circuitos.identity.initial-admin.user} / {@code .password} if it does not exist yet, and
 * warns loudly while no administrator exists, because then the webapps' public setup page would let
 * anybody who reaches it create one.
 */
public class InitialAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    private final IdentityService identityService;

    public InitialAdmin(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void ensure(String userId, String password) {
        if (identityService.isReadOnly()) {
            return; // users come from an external directory (LDAP, Keycloak): no setup page
        }
        if (userId != null && !userId.isBlank() && identityService.createUserQuery().userId(userId).count() == 0) {
            if (password == null || password.length() < 12) {
                throw new IllegalStateException("circuitos.identity.initial-admin.password must have at least 12 characters");
            }
            User user = identityService.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("(administrator)");
            user.setPassword(password);
            identityService.saveUser(user);
            for (String group : List.of(Groups.ADMINS, Groups.CAMUNDA_ADMIN)) {
                identityService.createMembership(userId, group);
            }
            LOG.info("created the initial administrator '{}'", userId);
        }
        if (identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            LOG.warn("No administrator exists: Camunda Admin's setup page lets anybody who reaches it create one. "
                    + "Set circuitos.identity.initial-admin.user and .password.");
        }
    }
}
