package io.circuitos.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The groups and what each may do, created idempotently at start-up (the same group ids come from
 * Keycloak in production). Task visibility is not granted here: the engine grants a task to its
 * candidate group when the task is created, so reps see the sales tasks and nothing else.
 */
public class GroupAuthorizations {

    static final String ANY = "*";
    static final String GROUP_TASKS_FILTER = "My group's tasks";
    static final String MY_TASKS_FILTER = "My tasks";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    /** group → the process keys whose runs it may read (circuitos.identity.run-readers). */
    private final java.util.Map<String, List<String>> runReaders;

    public GroupAuthorizations(IdentityService identityService, AuthorizationService authorizationService,
                               FilterService filterService, TaskService taskService, java.util.Map<String, List<String>> runReaders) {
        this.runReaders = runReaders;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    public void apply(boolean createGroups) {
        if (createGroups) {
            Groups.ALL.forEach(this::ensureGroup);
            ensureGroup(Groups.CAMUNDA_ADMIN);
        }
        for (Resource resource : Resources.values()) {
            grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String group : Groups.TASK_WORKERS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        grant(Groups.ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.ANALYSTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
        grant(Groups.ANALYSTS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grant(Groups.ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.CREATE_INSTANCE);
        grant(Groups.ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Groups.ANALYSTS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        // analysts get no variable permission: decisions, scores and paths, not people (docs/security.md, role → data)
        for (String group : List.of(Groups.SALES_MANAGERS, Groups.SUPPORT_LEADS, Groups.MARKETING_MANAGERS)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        }
        // the decision trail of their own agents' runs (GET /api/agents/{process}/runs/{businessKey}/trace), with its personal data
        runReaders.forEach((group, processKeys) -> processKeys.forEach(key ->
                grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE)));
        letTaskReadersReadItsVariables();
        shareFilter(ensureFilter(GROUP_TASKS_FILTER, -10,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
        shareFilter(ensureFilter(MY_TASKS_FILTER, -5, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    }

    /**
     * The engine grants a new task's candidates {@code READ_VARIABLE} with {@code enforceSpecificVariablePermission};
     * tasks created before it was switched on get it here, so their Tasklist forms keep their values.
     */
    private void letTaskReadersReadItsVariables() {
        for (Authorization task : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.READ).list()) {
            if (task.getAuthorizationType() == AUTH_TYPE_GRANT && !task.isPermissionGranted(TaskPermissions.READ_VARIABLE)) {
                task.addPermission(TaskPermissions.READ_VARIABLE);
                authorizationService.saveAuthorization(task);
            }
        }
    }

    private void ensureGroup(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(id);
            group.setType(Groups.ADMINS.equals(id) || Groups.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private Filter ensureFilter(String name, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setQuery(query)
                    .setProperties(Map.of("priority", priority, "description", name, "refresh", true));
            filterService.saveFilter(filter);
        }
        return filter;
    }

    private void shareFilter(Filter filter) {
        for (String group : Groups.ALL) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
