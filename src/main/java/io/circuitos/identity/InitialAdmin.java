package io.circuitos.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production on the engine's own identity: creates the first administrator from
 * {@code circuitos.identity.initial-admin.user} / {@code .password} if it does not exist yet. With no
 * administrator at all the start is refused when {@code circuitos.identity.require-admin} is set (the
 * production profile), because a system nobody administers is a system anybody might claim.
 */
public class InitialAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    private final IdentityService identityService;

    public InitialAdmin(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void ensure(String userId, String password, boolean required) {
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
        if (identityService.createUserQuery().memberOfGroup(Groups.ADMINS).count() == 0) {
            String message = "No administrator exists on the built-in identity: set CIRCUITOS_ADMIN_USER and CIRCUITOS_ADMIN_PASSWORD "
                    + "(circuitos.identity.initial-admin.user / .password, at least 12 characters), or use profile keycloak";
            if (required) {
                throw new IllegalStateException(message);
            }
            LOG.warn(message);
        }
    }
}
