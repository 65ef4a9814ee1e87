package io.circuitos.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Signs a user on to Tasklist, Cockpit and Admin from the Spring Security session that the OIDC login
 * (Keycloak) created; the groups are the user's groups in the engine's identity (the Keycloak plugin).
 * Instantiated by Camunda's {@code ContainerBasedAuthenticationFilter} by class name.
 */
public class SpringSecurityWebappAuthentication extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken) || authentication.getName() == null || authentication.getName().isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        String user = authentication.getName();
        AuthenticationResult result = new AuthenticationResult(user, true);
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        result.setGroups(groups);
        return result;
    }
}
