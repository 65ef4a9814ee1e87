package io.circuitos.audit.metrics;

import io.circuitos.agents.winback.WinBackProcess;
import io.circuitos.audit.trace.RunAccess;
import java.util.LinkedHashMap;
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

    private static final int MAX_DAYS = 366;

    private final AgentAudit audit;
    private final RunAccess access;

    public AuditController(AgentAudit audit, RunAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping(path = "/api/agents/{process}/metrics", produces = "application/json")
    public ResponseEntity<Map<String, Object>> metrics(@PathVariable String process, @RequestParam(defaultValue = "30") String days,
                                                       Authentication user) {
        Integer window = days(days);
        if (window == null) {
            return problem(HttpStatus.BAD_REQUEST, "days must be a whole number from 1 to " + MAX_DAYS, "days");
        }
        if (!access.mayRead(user, process)) {
            return problem(HttpStatus.FORBIDDEN, "you may not read the runs of " + process, null);
        }
        if (!audit.exists(process)) {
            return problem(HttpStatus.NOT_FOUND, "no agent " + process, null);
        }
        return ResponseEntity.ok(audit.metrics(process, window));
    }

    @GetMapping(path = "/api/agents/autonomy", produces = "application/json")
    public ResponseEntity<Map<String, Object>> autonomy(@RequestParam(defaultValue = "30") String days, Authentication user) {
        Integer window = days(days);
        if (window == null) {
            return problem(HttpStatus.BAD_REQUEST, "days must be a whole number from 1 to " + MAX_DAYS, "days");
        }
        if (!access.mayRead(user, WinBackProcess.KEY)) {
            return problem(HttpStatus.FORBIDDEN, "you may not read the runs of " + WinBackProcess.KEY, null);
        }
        return ResponseEntity.ok(audit.autonomy(window));
    }

    private static Integer days(String text) {
        try {
            int days = Integer.parseInt(text.trim());
            return days >= 1 && days <= MAX_DAYS ? days : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }
}
