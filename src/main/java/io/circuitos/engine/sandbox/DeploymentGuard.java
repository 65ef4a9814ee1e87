package io.circuitos.engine.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before the engine's own deployers, inside the deployment's transaction, for every new deployment
 * made by an authenticated user (REST create and redeploy, the Java API): unless the user is in a trusted
 * group, the deployment must pass {@link DeploymentCheck} or it is refused whole, before anything is
 * stored or any timer is scheduled. Deployments without a user are the application's own (its
 * {@code processes/}, {@code decisions/} and {@code forms/} at start-up, versions it writes itself).
 */
public class DeploymentGuard implements Deployer {

    private final DeploymentCheck check;
    private final ReferenceCatalog references;
    private final Set<String> trustedGroups;
    private final java.util.function.Supplier<List<DeploymentGate>> gates;

    public DeploymentGuard(DeploymentCheck check, ReferenceCatalog references, Set<String> trustedGroups) {
        this(check, references, trustedGroups, List::of);
    }

    /** @param gates the features' checks after the guard's own, looked up when a deployment comes (they may need the engine) */
    public DeploymentGuard(DeploymentCheck check, ReferenceCatalog references, Set<String> trustedGroups,
                           java.util.function.Supplier<List<DeploymentGate>> gates) {
        this.check = check;
        this.references = references;
        this.trustedGroups = trustedGroups;
        this.gates = gates;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        CommandContext command = Context.getCommandContext();
        if (!deployment.isNew() || command == null || !isUntrusted(command)) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        List<ResourceProblems> refused = check.check(resources, withDeployed(references, command));
        if (!refused.isEmpty()) {
            throw new DeploymentRefusedException(refused);
        }
        for (DeploymentGate gate : gates.get()) {
            List<ResourceProblems> gated = gate.refusals(resources, deployment.getSource(), command.getAuthenticatedUserId(),
                    command.getAuthenticatedGroupIds() == null ? List.of() : command.getAuthenticatedGroupIds());
            if (!gated.isEmpty()) {
                throw new DeploymentRefusedException(gated);
            }
        }
    }

    /** What a deployment may refer to: the catalog, plus the decisions and forms already deployed. */
    static ReferenceCatalog withDeployed(ReferenceCatalog references, CommandContext command) {
        return references.withDeployed(
                key -> command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null,
                key -> command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null);
    }

    private boolean isUntrusted(CommandContext command) {
        if (command.getAuthenticatedUserId() == null) {
            return false;
        }
        List<String> groups = command.getAuthenticatedGroupIds();
        return groups == null || groups.stream().noneMatch(trustedGroups::contains);
    }
}
