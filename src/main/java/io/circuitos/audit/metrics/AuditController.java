package io.circuitos.audit.metrics;

import io.circuitos.agents.winback.WinBackProcess;
import io.circuitos.audit.trace.RunAccess;
import io.circuitos.platform.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agents/{process}/metrics?days=30} and {@code GET /api/agents/autonomy?days=30}:
 * the audit view, for whoever may read the agent's runs.
 */
@RestController
public class AuditController {

    private final AgentAudit audit;
    private final RunAccess access;

    public AuditController(AgentAudit audit, RunAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping(path = "/api/agents/{process}/metrics", produces = "application/json")
    public ResponseEntity<Map<String, Object>> metrics(@PathVariable String process, @RequestParam(defaultValue = "30") String days,
                                                       Authentication user) {
        Integer window = ApiProblem.days(days);
        if (window == null) {
            return ApiProblem.badDays();
        }
        if (!access.mayRead(user, process)) {
            return ApiProblem.of(HttpStatus.FORBIDDEN, "you may not read the runs of " + process, null);
        }
        if (!audit.exists(process)) {
            return ApiProblem.of(HttpStatus.NOT_FOUND, "no agent " + process, null);
        }
        return ResponseEntity.ok(audit.metrics(process, window));
    }

    @GetMapping(path = "/api/agents/autonomy", produces = "application/json")
    public ResponseEntity<Map<String, Object>> autonomy(@RequestParam(defaultValue = "30") String days, Authentication user) {
        Integer window = ApiProblem.days(days);
        if (window == null) {
            return ApiProblem.badDays();
        }
        if (!access.mayRead(user, WinBackProcess.KEY)) {
            return ApiProblem.of(HttpStatus.FORBIDDEN, "you may not read the runs of " + WinBackProcess.KEY, null);
        }
        return ResponseEntity.ok(audit.autonomy(window));
    }
}
