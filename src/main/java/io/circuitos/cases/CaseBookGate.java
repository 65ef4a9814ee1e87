package io.circuitos.cases;

import io.circuitos.deployments.ShippedAgents;
import io.circuitos.engine.sandbox.DeploymentGate;
import io.circuitos.engine.sandbox.DeploymentProblem;
import io.circuitos.engine.sandbox.ResourceProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's deployment goes live only when the case books of the agents it touches pass on it. An admin may deploy past
 * failing cases by giving the reason as the deployment's source, {@code override: <reason>}; the override is recorded
 * with the failing cases ({@link CaseOverrideStore}).
 */
public class CaseBookGate implements DeploymentGate {

    public static final String OVERRIDE = "override:";
    private static final Logger LOG = LoggerFactory.getLogger(CaseBookGate.class);

    private final CaseRunner runner;
    private final CaseOverrideStore overrides;
    private final String adminGroup;

    public CaseBookGate(CaseRunner runner, CaseOverrideStore overrides, String adminGroup) {
        this.runner = runner;
        this.overrides = overrides;
        this.adminGroup = adminGroup;
    }

    /** Each touched agent's case book on these resources, by process key. */
    public Map<String, CaseReport> reports(Map<String, byte[]> resources) {
        Map<String, CaseReport> reports = new java.util.TreeMap<>();
        for (String process : AffectedAgents.of(resources, ShippedAgents.processes())) {
            CaseBooks.of(process).ifPresent(book -> reports.put(process, runner.run(book, resources)));
        }
        return reports;
    }

    @Override
    public List<Finding> findings(Map<String, byte[]> resources) {
        return reports(resources).entrySet().stream()
                .map(r -> new Finding(r.getKey(), r.getValue().allPass(), "case book of " + r.getKey() + ": " + r.getValue().summary())).toList();
    }

    @Override
    public List<ResourceProblems> refusals(Map<String, byte[]> resources, String source, String userId, List<String> groups) {
        List<DeploymentProblem> problems = new ArrayList<>();
        String reason = source != null && source.startsWith(OVERRIDE) ? source.substring(OVERRIDE.length()).trim() : null;
        for (Map.Entry<String, CaseReport> report : reports(resources).entrySet()) {
            if (report.getValue().allPass()) {
                continue;
            }
            String failing = report.getValue().summary();
            if (reason != null && !reason.isEmpty() && groups.contains(adminGroup)) {
                overrides.record(report.getKey(), userId, reason, failing);
                LOG.warn("{} deployed {} past its failing case book ({}): {}", userId, report.getKey(), reason, failing);
                continue;
            }
            problems.add(new DeploymentProblem("case book of " + report.getKey() + ": " + failing
                    + (reason == null ? "" : groups.contains(adminGroup) ? " (an override needs a reason)"
                    : " (only " + adminGroup + " may deploy past failing cases)"), 0, 0, null));
        }
        return problems.isEmpty() ? List.of() : List.of(new ResourceProblems(resources.keySet().iterator().next(), problems));
    }
}
