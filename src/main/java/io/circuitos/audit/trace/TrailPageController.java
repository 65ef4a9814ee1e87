package io.circuitos.audit.trace;

import io.circuitos.privacy.RunAccess;
import io.circuitos.web.HtmlPage;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /trace/{process}/{businessKey}}: the trail page the handoff forms link to. Its callers are
 * those of the JSON trail: the user signed in to the webapps (Tasklist's session, or Keycloak's on
 * profile {@code keycloak}), a Basic or a Bearer caller (the trail's security filter chain signs them
 * in or sends a browser to sign in); the engine's authorizations decide, as for the JSON trail.
 */
@RestController
public class TrailPageController {

    private final TraceReader traces;
    private final RunAccess access;
    private final ProcessEngine engine;
    private final TrailRedaction redaction;

    private record Reader(String userId, List<String> groups) {
    }

    public TrailPageController(TraceReader traces, RunAccess access, ProcessEngine engine, TrailRedaction redaction) {
        this.traces = traces;
        this.access = access;
        this.engine = engine;
        this.redaction = redaction;
    }

    @GetMapping(path = "/trace/{process}/{businessKey}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String process, @PathVariable String businessKey,
                                       @RequestParam(name = "run", required = false) String runId, Authentication user) {
        if (!access.mayRead(user, process)) {
            return HtmlPage.message(HttpStatus.FORBIDDEN, "circuitos trail", HtmlPage.escape(user == null ? "You" : user.getName())
                    + " may not read the runs of " + HtmlPage.escape(process) + ". Ask an administrator, or sign out of Tasklist and sign in "
                    + "as someone who may, then open this page again.");
        }
        List<RunTrace> runs = traces.runs(process, businessKey);
        if (!access.mayReadPersonalData(user, process)) {
            runs = redaction.traces(runs);
        }
        if (runs.isEmpty()) {
            String run = "The run of " + HtmlPage.escape(process) + " " + HtmlPage.escape(businessKey);
            return HtmlPage.message(HttpStatus.NOT_FOUND, "circuitos trail", switch (traces.deliveriesOf(process, businessKey)) {
                case WAITING -> run + " has not started yet: its delivery waits in the inbox.";
                case DELIVERED -> run + " was removed by history clean-up.";
                case NONE -> "No run of " + HtmlPage.escape(process) + " with business key " + HtmlPage.escape(businessKey) + ".";
            });
        }
        RunTrace shown = runs.stream().filter(r -> r.run().instanceId().equals(runId)).findFirst().orElse(runs.get(0));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(TrailPage.render(runs, shown, this::table));
    }

    private DmnDecision table(RunTrace.Decision decision) {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(decision.decisionKey()).decisionDefinitionVersion(decision.decisionVersion()).singleResult();
        return definition == null ? null : engine.getRepositoryService().getDecisionDefinition(definition.getId()) instanceof DmnDecision dmn
                ? dmn : null;
    }
}
