package io.circuitos.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.audit.MatchedRuleRecorderPlugin;
import io.circuitos.deployments.ShippedAgents;
import io.circuitos.engine.isolated.IsolatedEngine;
import io.circuitos.engine.sandbox.DeploymentLimits;
import io.circuitos.engine.sandbox.ReferenceCatalog;
import io.circuitos.engine.sandbox.RegisteredTasks;
import io.circuitos.intake.IntakeRejection;
import io.circuitos.intake.PayloadMapper;
import io.circuitos.intake.Route;
import io.circuitos.intake.RouteCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Runs an agent's case book on a candidate deployment in an {@link IsolatedEngine}: the shipped processes, decisions and
 * forms with the candidate's files deployed over them, each case in a {@link CaseWorld} of its own. Jobs run as the job
 * executor would run them, until the run waits (for a person, a message or a timer not yet due) or ends; a case's timer
 * steps fire a timer at once instead of moving any clock. Nothing reaches the application's engine or tables.
 */
public class CaseRunner {

    /** More jobs than this in one case, and the run is taken to loop. */
    private static final int MAX_JOBS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseWorld.Parts parts;
    private final RegisteredTasks tasks;
    private final Set<String> applicationBeanNames;
    private final ReferenceCatalog references;
    private final DeploymentLimits limits;
    private final RouteCatalogue routes;
    private final CaseJudge judge;

    public CaseRunner(CaseWorld.Parts parts, RegisteredTasks tasks, Set<String> applicationBeanNames, ReferenceCatalog references,
                      DeploymentLimits limits, RouteCatalogue routes) {
        this.parts = parts;
        this.tasks = tasks;
        this.applicationBeanNames = applicationBeanNames;
        this.references = references;
        this.limits = limits;
        this.routes = routes;
        this.judge = new CaseJudge(parts.judge(), new io.circuitos.llm.PromptLibrary(CaseJudge.PROMPTS));
    }

    /** @param candidate files an analyst deploys (name → content) over the shipped ones; empty to run on what ships */
    public CaseReport run(CaseBook book, Map<String, byte[]> candidate) {
        long started = System.nanoTime();
        AtomicReference<CaseWorld> world = new AtomicReference<>();
        List<CaseResult> results = new ArrayList<>();
        try (IsolatedEngine isolated = IsolatedEngine.start(name -> world.get() == null ? parts.application().apply(name) : world.get().bean(name),
                tasks, applicationBeanNames, references, limits, List.of(new MatchedRuleRecorderPlugin()))) {
            Map<String, byte[]> shipped = new LinkedHashMap<>();
            ShippedAgents.processes().entrySet().stream().filter(p -> p.getKey().endsWith("/" + book.process() + ".bpmn")
                    || p.getKey().equals(book.process() + ".bpmn")).forEach(p -> shipped.put(p.getKey(), p.getValue()));
            if (shipped.isEmpty()) { // a process file not named after its key: deploy them all
                shipped.putAll(ShippedAgents.processes());
            }
            shipped.putAll(ShippedAgents.decisions());
            shipped.putAll(ShippedAgents.forms());
            isolated.deploy("shipped", shipped);
            if (!candidate.isEmpty()) {
                isolated.deploy("candidate", candidate);
            }
            for (CaseBook.AgentCase agentCase : book.cases()) {
                CaseWorld caseWorld = new CaseWorld(agentCase.fakes(), parts);
                world.set(caseWorld);
                results.add(runCase(isolated.engine(), book.process(), agentCase, caseWorld));
            }
        }
        return CaseReport.of(book.process(), results, (System.nanoTime() - started) / 1_000_000);
    }

    private CaseResult runCase(ProcessEngine engine, String process, CaseBook.AgentCase agentCase, CaseWorld world) {
        long started = System.nanoTime();
        String processInstanceId = null;
        String difference;
        List<String> notes = new ArrayList<>();
        try {
            processInstanceId = start(engine, process, agentCase);
            drive(engine);
            difference = steps(engine, processInstanceId, agentCase);
            if (difference == null) {
                difference = new CaseExpectations(engine, processInstanceId, world, judge, notes).firstDifference(agentCase.expect());
            }
        } catch (CaseBookException | IntakeRejection e) {
            difference = e.getMessage();
        } catch (RuntimeException e) {
            difference = "the run failed: " + e.getMessage();
        }
        List<String> path = processInstanceId == null ? List.of() : CaseExpectations.path(engine, processInstanceId);
        return new CaseResult(agentCase.name(), difference == null, difference, path, world.effects(), world.toolsCalled(), List.copyOf(notes),
                (System.nanoTime() - started) / 1_000_000);
    }

    private String start(ProcessEngine engine, String process, CaseBook.AgentCase agentCase) {
        if (agentCase.event() != null) {
            Route route = routes.route(agentCase.event().type()).orElseThrow(() ->
                    new CaseBookException("no route for event type '" + agentCase.event().type() + "'"));
            if (!process.equals(route.processKey()) || route.handler() != null) {
                throw new CaseBookException("event type '" + agentCase.event().type() + "' does not start " + process);
            }
            JsonNode event = JSON.valueToTree(Map.of("type", agentCase.event().type(),
                    "data", agentCase.event().data() == null ? Map.of() : agentCase.event().data()));
            Map<String, Object> variables = PayloadMapper.variables(route, event);
            Object businessKey = route.businessKey() == null ? null : variables.get(route.businessKey());
            String key = businessKey == null ? agentCase.name() : businessKey.toString();
            if (route.message() != null) {
                return engine.getRuntimeService().createMessageCorrelation(route.message()).processInstanceBusinessKey(key)
                        .setVariables(variables).correlateStartMessage().getId();
            }
            return startWith(engine, process, key, route.startVariables(variables));
        }
        return startWith(engine, process, agentCase.businessKey() == null ? agentCase.name() : agentCase.businessKey(), agentCase.variables());
    }

    private static String startWith(ProcessEngine engine, String process, String businessKey, Map<String, Object> variables) {
        ProcessInstance run = engine.getRuntimeService().createProcessInstanceByKey(process).businessKey(businessKey)
                .setVariables(variables).execute();
        return run.getId();
    }

    /** Runs every job that is due, as the job executor would, until none is left. A job that fails becomes an incident. */
    private static void drive(ProcessEngine engine) {
        for (int executed = 0; executed < MAX_JOBS; ) {
            List<Job> due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                executed++;
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // the engine recorded the failure: with no retries left the job is an incident, as in production
                }
            }
        }
        throw new CaseBookException("the run executed " + MAX_JOBS + " jobs without coming to rest: it loops");
    }

    /** An event for the run, through its route's message, as the webhook that continues a run would deliver it. */
    private String continueWith(ProcessEngine engine, String processInstanceId, CaseBook.Event event) {
        Route route = routes.route(event.type()).orElseThrow(() -> new CaseBookException("no route for event type '" + event.type() + "'"));
        if (route.message() == null) {
            throw new CaseBookException("event type '" + event.type() + "' continues no run (its route has no message)");
        }
        Map<String, Object> variables = PayloadMapper.variables(route, JSON.valueToTree(Map.of("type", event.type(),
                "data", event.data() == null ? Map.of() : event.data())));
        boolean waits = engine.getRuntimeService().createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(route.message()).count() > 0;
        if (!waits) {
            return "the run does not wait for " + event.type() + "; it waits at " + CaseExpectations.waitingAt(engine, processInstanceId);
        }
        engine.getRuntimeService().createMessageCorrelation(route.message()).processInstanceId(processInstanceId).setVariables(variables)
                .correlate();
        return null;
    }

    /** Acts out the case's steps; the first that cannot happen is the difference. */
    private String steps(ProcessEngine engine, String processInstanceId, CaseBook.AgentCase agentCase) {
        int number = 0;
        for (CaseBook.Step step : agentCase.steps()) {
            number++;
            if (step.complete() != null) {
                Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step.complete())
                        .singleResult();
                if (task == null) {
                    return "step " + number + ": user task " + step.complete() + " is not waiting; the run waits at "
                            + CaseExpectations.waitingAt(engine, processInstanceId);
                }
                engine.getTaskService().complete(task.getId(), step.variables() == null ? Map.of() : step.variables());
            } else if (step.event() != null) {
                String difference = continueWith(engine, processInstanceId, step.event());
                if (difference != null) {
                    return "step " + number + ": " + difference;
                }
            } else {
                List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).activityId(step.timer())
                        .timers().list();
                if (timers.isEmpty()) {
                    return "step " + number + ": timer " + step.timer() + " is not waiting; the run waits at "
                            + CaseExpectations.waitingAt(engine, processInstanceId);
                }
                for (Job timer : timers) {
                    try {
                        engine.getManagementService().executeJob(timer.getId());
                    } catch (RuntimeException failed) {
                        // an incident, as in production
                    }
                }
            }
            drive(engine);
        }
        return null;
    }
}
