package io.circuitos.audit.metrics;

import io.circuitos.agents.winback.WinBackProcess;
import io.circuitos.audit.trace.RunAccess;
import io.circuitos.web.ApiProblem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    /**
     * The corrections of the agents the caller may read ({@code agent} narrows it to one): today
     * only win-back corrects itself (strategy rotations and escalations); for a caller who reads no
     * self-correcting agent, or an agent that does not correct itself, the lists are empty.
     */
    @GetMapping(path = "/api/agents/autonomy", produces = "application/json")
    public ResponseEntity<Map<String, Object>> autonomy(@RequestParam(defaultValue = "30") String days,
                                                        @RequestParam(required = false) String agent, Authentication user) {
        Integer window = ApiProblem.days(days);
        if (window == null) {
            return ApiProblem.badDays();
        }
        if (agent != null) {
            if (!access.mayRead(user, agent)) {
                return ApiProblem.of(HttpStatus.FORBIDDEN, "you may not read the runs of " + agent, "agent");
            }
            if (!audit.exists(agent)) {
                return ApiProblem.of(HttpStatus.NOT_FOUND, "no agent " + agent, "agent");
            }
        }
        boolean winBack = (agent == null || agent.equals(WinBackProcess.KEY)) && access.mayRead(user, WinBackProcess.KEY);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", window);
        body.put("from", ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(window)));
        body.put("rotations", List.of());
        body.put("escalations", List.of());
        body.put("segments", List.of());
        if (winBack) {
            body.putAll(audit.autonomy(window));
        }
        body.put("agents", winBack ? List.of(WinBackProcess.KEY) : List.of()); // whose corrections these are
        return ResponseEntity.ok(body);
    }
}
