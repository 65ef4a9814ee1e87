package io.circuitos.audit.trace;

import io.circuitos.privacy.Redaction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /trace/{process}/{businessKey}}: the trail page the handoff forms link to. The reader is the
 * user signed in to Tasklist (the webapps' session, or Keycloak's on profile {@code keycloak}), or a
 * Basic or Bearer caller; the engine's authorizations decide, as for the JSON trail, personal data included.
 */
@RestController
public class TrailPageController {

    private final TraceReader traces;
    private final RunAccess access;
    private final ProcessEngine engine;
    private final Redaction redaction;

    private record Reader(String userId, List<String> groups) {
    }

    public TrailPageController(TraceReader traces, RunAccess access, ProcessEngine engine, Redaction redaction) {
        this.traces = traces;
        this.access = access;
        this.engine = engine;
        this.redaction = redaction;
    }

    @GetMapping(path = "/trace/{process}/{businessKey}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String process, @PathVariable String businessKey,
                                       @RequestParam(name = "run", required = false) String runId, HttpServletRequest request) {
        Reader reader = reader(request, process);
        if (reader == null) {
            return message(HttpStatus.FORBIDDEN, "Sign in to <a href=\"/camunda/app/tasklist/\">Tasklist</a> as someone who may read the runs of "
                    + HtmlUtils.htmlEscape(process) + ", then open this page again.");
        }
        List<RunTrace> runs = traces.runs(process, businessKey);
        if (!access.mayReadPersonalData(reader.userId(), reader.groups(), process)) {
            runs = redaction.traces(runs);
        }
        if (runs.isEmpty()) {
            return message(HttpStatus.NOT_FOUND, traces.wasDelivered(process, businessKey)
                    ? "The run of " + HtmlUtils.htmlEscape(process) + " " + HtmlUtils.htmlEscape(businessKey) + " was removed by history clean-up."
                    : "No run of " + HtmlUtils.htmlEscape(process) + " with business key " + HtmlUtils.htmlEscape(businessKey) + ".");
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

    /** The caller who may read the runs of {@code process}, or null. */
    private Reader reader(HttpServletRequest request, String process) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && !"anonymousUser".equals(user.getName()) && access.mayRead(user, process)) {
            return new Reader(user.getName(), RunAccess.groups(user));
        }
        HttpSession session = request.getSession(false);
        if (session != null && AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName())
                instanceof UserAuthentication webappUser) {
            Reader reader = new Reader(webappUser.getName(), List.copyOf(webappUser.getGroupIds()));
            return access.mayRead(reader.userId(), reader.groups(), process) ? reader : null;
        }
        return null;
    }

    private static ResponseEntity<String> message(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>circuitos trail</title></head>"
                        + "<body style=\"font-family:system-ui,sans-serif;margin:2rem\"><p>" + html + "</p></body></html>");
    }
}
