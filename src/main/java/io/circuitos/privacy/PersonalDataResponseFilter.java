package io.circuitos.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine REST answers that the engine's variable permissions cannot filter, for the engine REST API
 * and the webapps' copy of it (Cockpit): decision history with {@code includeInputs}/{@code includeOutputs}
 * (an input clause may read an email or a ticket text) and task history (a task's name is resolved from
 * expressions such as {@code Call applicant: ${caseTitle}}). A caller without {@code READ_HISTORY_VARIABLE}
 * on the run's process definition gets the personal values as {@value PersonalData#REDACTED}.
 */
public class PersonalDataResponseFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECISION_HISTORY = Pattern.compile(".*/history/decision-instance(/(?!count$|report$)[^/]+)?");
    private static final Pattern TASK_HISTORY = Pattern.compile(".*/history/task(/(?!count$|report$)[^/]+)?");

    private enum Answer { DECISIONS, TASKS }

    private record Caller(String userId, List<String> groups) {
    }

    private final ProcessEngine engine;
    private final RunAccess access;
    private final PersonalData personal;
    private final PersonalDecisionClauses clauses;
    private final Redaction redaction;
    /** process definition id / task definition key → the task's name as modelled. */
    private final Map<String, String> modelledNames = new ConcurrentHashMap<>();

    public PersonalDataResponseFilter(ProcessEngine engine, RunAccess access, PersonalData personal, PersonalDecisionClauses clauses,
                                      Redaction redaction) {
        this.engine = engine;
        this.access = access;
        this.personal = personal;
        this.clauses = clauses;
        this.redaction = redaction;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Answer answer = DECISION_HISTORY.matcher(path).matches() ? Answer.DECISIONS
                : TASK_HISTORY.matcher(path).matches() ? Answer.TASKS : null;
        if (answer == null) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        byte[] body = buffered.getContentAsByteArray();
        String contentType = buffered.getContentType();
        if (buffered.getStatus() / 100 == 2 && body.length > 0 && contentType != null && contentType.contains("json")) {
            Caller caller = caller(request, path);
            byte[] filtered = withoutEngineAuthentication(() -> filter(body, answer, caller));
            if (filtered != body) {
                buffered.resetBuffer();
                buffered.getOutputStream().write(filtered);
            }
        }
        buffered.copyBodyToResponse();
    }

    private byte[] filter(byte[] body, Answer answer, Caller caller) {
        try {
            JsonNode root = JSON.readTree(body);
            Map<String, Boolean> mayRead = new HashMap<>();
            boolean changed = false;
            for (JsonNode item : root.isArray() ? root : List.of(root)) {
                if (item instanceof ObjectNode object && !mayRead.computeIfAbsent(object.path("processDefinitionKey").asText(null),
                        key -> caller != null && access.mayReadPersonalData(caller.userId(), caller.groups(), key))) {
                    changed |= answer == Answer.DECISIONS ? redactDecision(object) : redactTask(object);
                }
            }
            return changed ? JSON.writeValueAsBytes(root) : body;
        } catch (IOException unreadable) {
            // the engine's own JSON: unreadable only if the engine broke; answer nothing rather than unfiltered
            return "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private boolean redactDecision(ObjectNode decision) {
        PersonalDecisionClauses.Clauses personalClauses = clauses.of(decision.path("decisionDefinitionId").asText(null));
        boolean changed = false;
        for (JsonNode input : decision.path("inputs")) {
            if (input instanceof ObjectNode in && personalClauses.inputIds().contains(in.path("clauseId").asText())) {
                changed |= redactValue(in);
            }
        }
        for (JsonNode output : decision.path("outputs")) {
            if (output instanceof ObjectNode out && personal.isPersonal(out.path("variableName").asText(null))) {
                changed |= redactValue(out);
            }
        }
        return changed;
    }

    private static boolean redactValue(ObjectNode value) {
        value.put("value", PersonalData.REDACTED);
        value.put("type", "String");
        value.putObject("valueInfo");
        return true;
    }

    private boolean redactTask(ObjectNode task) {
        String name = task.path("name").asText(null);
        String definitionId = task.path("processDefinitionId").asText(null);
        String taskKey = task.path("taskDefinitionKey").asText(null);
        String modelled = definitionId == null || taskKey == null ? null
                : modelledNames.computeIfAbsent(definitionId + "/" + taskKey, k -> modelledName(definitionId, taskKey));
        task.put("name", redaction.taskName(name, modelled == null || modelled.isEmpty() ? null : modelled));
        if (!task.path("description").isNull() && !task.path("description").isMissingNode()) {
            task.put("description", PersonalData.REDACTED);
        }
        return true;
    }

    private String modelledName(String processDefinitionId, String taskKey) {
        ModelElementInstance element = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
        return element instanceof FlowElement flowElement && flowElement.getName() != null ? flowElement.getName() : "";
    }

    /** The webapps' signed-in user (Cockpit), else the Basic or Bearer caller of /engine-rest. */
    private Caller caller(HttpServletRequest request, String path) {
        HttpSession session = path.startsWith("/camunda/") ? request.getSession(false) : null;
        if (session != null && AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName())
                instanceof UserAuthentication user) {
            return new Caller(user.getName(), List.copyOf(user.getGroupIds()));
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.isAuthenticated() ? new Caller(user.getName(), RunAccess.groups(user)) : null;
    }

    /** The engine REST filter has signed the caller in to the engine; the classification and the grants are read as the application. */
    private <T> T withoutEngineAuthentication(Supplier<T> work) {
        IdentityService identity = engine.getIdentityService();
        org.camunda.bpm.engine.impl.identity.Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }
}
