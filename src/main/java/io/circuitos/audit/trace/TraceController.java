package io.circuitos.audit.trace;

import io.circuitos.privacy.RunAccess;
import io.circuitos.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agents/{process}/runs/{businessKey}/trace}: the decision trail of the newest run
 * with this business key at the top level and, when there are several, every run with it in
 * {@code runs}, newest first. A reader without the right to the runs' personal data gets them redacted.
 */
@RestController
public class TraceController {

    private final TraceReader traces;
    private final RunAccess access;
    private final TrailRedaction redaction;

    public TraceController(TraceReader traces, RunAccess access, TrailRedaction redaction) {
        this.traces = traces;
        this.access = access;
        this.redaction = redaction;
    }

    @GetMapping(path = "/api/agents/{process}/runs/{businessKey}/trace", produces = "application/json")
    public ResponseEntity<Map<String, Object>> trace(@PathVariable String process, @PathVariable String businessKey, Authentication user) {
        if (!access.mayRead(user, process)) {
            return ApiProblem.of(HttpStatus.FORBIDDEN, "you may not read the runs of " + process, null);
        }
        List<RunTrace> runs = traces.runs(process, businessKey);
        if (!access.mayReadPersonalData(user, process)) {
            runs = redaction.traces(runs);
        }
        if (runs.isEmpty()) {
            String run = "the run of " + process + " with business key " + businessKey;
            return ApiProblem.of(HttpStatus.NOT_FOUND, switch (traces.deliveriesOf(process, businessKey)) {
                case WAITING -> run + " has not started yet: its delivery waits in the inbox";
                case DELIVERED -> run + " was removed by history clean-up";
                case NONE -> "no run of " + process + " with business key " + businessKey;
            }, null);
        }
        RunTrace newest = runs.get(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", newest.run());
        body.put("path", newest.path());
        body.put("incidents", newest.incidents());
        body.put("decisions", newest.decisions());
        body.put("scores", newest.scores());
        body.put("llmCalls", newest.llmCalls());
        body.put("humanActions", newest.humanActions());
        body.put("messages", newest.messages());
        body.put("outcome", newest.outcome());
        if (runs.size() > 1) {
            body.put("runs", runs); // several runs with this business key: all of them, newest first
        }
        return ResponseEntity.ok(body);
    }
}
