package io.circuitos.privacy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may read an agent's runs: the engine's authorizations decide ({@code READ_HISTORY} on the
 * process definition), so the same grants govern Cockpit, the history REST API and the trail. Who may
 * read their personal data too: {@code READ_HISTORY_VARIABLE}, the permission that also guards the
 * engine's variable history ({@code enforceSpecificVariablePermission}).
 */
public class RunAccess {

    private static final String GROUP_PREFIX = "GROUP_";

    private final AuthorizationService authorizations;

    public RunAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public boolean mayRead(Authentication user, String processKey) {
        return user != null && user.isAuthenticated() && mayRead(user.getName(), groups(user), processKey);
    }

    public boolean mayRead(String userId, List<String> groups, String processKey) {
        return authorizations.isUserAuthorized(userId, groups, Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, processKey);
    }

    public boolean mayReadPersonalData(Authentication user, String processKey) {
        return user != null && user.isAuthenticated() && mayReadPersonalData(user.getName(), groups(user), processKey);
    }

    /** {@code processKey} null: of every process (a grant on {@code *}). */
    public boolean mayReadPersonalData(String userId, List<String> groups, String processKey) {
        return userId != null && authorizations.isUserAuthorized(userId, groups, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, Resources.PROCESS_DEFINITION,
                processKey == null ? "*" : processKey);
    }

    public static List<String> groups(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length())).toList();
    }
}
