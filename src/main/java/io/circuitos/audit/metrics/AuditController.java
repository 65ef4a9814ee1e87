package io.circuitos.audit.metrics;

import io.circuitos.privacy.RunAccess;
import io.circuitos.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<SelfCorrectingAgent> selfCorrecting;

    public AuditController(AgentAudit audit, RunAccess access, ObjectProvider<SelfCorrectingAgent> selfCorrecting) {
        this.audit = audit;
        this.access = access;
        this.selfCorrecting = selfCorrecting;
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
     * The corrections of the {@link SelfCorrectingAgent}s the caller may read ({@code agent} narrows it
     * to one); for a caller who reads no self-correcting agent, or an agent that does not correct
     * itself, the lists are empty.
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
        List<SelfCorrectingAgent> readable = selfCorrecting.orderedStream()
                .filter(a -> (agent == null || agent.equals(a.processKey())) && access.mayRead(user, a.processKey()))
                .sorted(Comparator.comparing(SelfCorrectingAgent::processKey)).toList();
        Instant from = ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(window));
        List<Corrections> corrections = readable.stream().map(a -> a.corrections(from)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", window);
        body.put("from", from);
        body.put("rotations", all(corrections, Corrections::rotations));
        body.put("escalations", all(corrections, Corrections::escalations));
        body.put("segments", all(corrections, Corrections::segments));
        body.put("agents", readable.stream().map(SelfCorrectingAgent::processKey).toList()); // whose corrections these are
        return ResponseEntity.ok(body);
    }

    private static <T> List<T> all(List<Corrections> corrections, Function<Corrections, List<T>> part) {
        return corrections.stream().flatMap(c -> part.apply(c).stream()).toList();
    }
}
