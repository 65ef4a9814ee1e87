package io.circuitos.outcomes;

import io.circuitos.intake.EventHandler;
import io.circuitos.intake.IntakeRejection;
import io.circuitos.intake.Route;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * Routes with {@code handler: run-outcome}: an event that says how a case ended labels the newest run of the route's
 * process with that business key, beside the score the run recorded (its model version, probability and score). An
 * outcome for a key no run has is refused (422 naming the business key as the sender wrote it, e.g. data.opportunityId); a second outcome for a run is refused
 * (409 naming the first): each run is labelled once, and a rejection leaves nothing behind.
 */
public class RunOutcomes implements EventHandler {

    public static final String NAME = "run-outcome";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final HistoryService history;
    private final OutcomeStore outcomes;
    private final Clock clock;

    public RunOutcomes(HistoryService history, OutcomeStore outcomes, Clock clock) {
        this.history = history;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(String eventType, Map<String, Object> variables) {
        throw new IllegalStateException("an outcome needs its route (process-key, business-key and outcome)");
    }

    /** @return the labelled run: the delivery is recorded with it, so its trail lists the outcome event among what it received */
    @Override
    public String handle(Route route, String businessKey, Map<String, Object> variables) {
        List<HistoricProcessInstance> runs = history.createHistoricProcessInstanceQuery().processDefinitionKey(route.processKey())
                .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().desc().listPage(0, 1);
        if (runs.isEmpty()) {
            String field = route.fields().stream().filter(f -> f.name().equals(route.businessKey())).map(io.circuitos.intake.FieldMapping::path)
                    .findFirst().orElse(route.businessKey()); // named as the sender wrote it, as the intake's 400s name fields
            throw IntakeRejection.unprocessable(field, "no " + route.processKey() + " run has " + route.businessKey() + " '"
                    + businessKey + "': nothing to label with " + route.outcome().name());
        }
        HistoricProcessInstance run = runs.get(0);
        Optional<RunOutcome> earlier = outcomes.forRun(run.getId());
        if (earlier.isPresent()) {
            throw IntakeRejection.conflict("the " + route.processKey() + " run " + businessKey + " is labelled already: "
                    + earlier.get().outcome() + " (" + earlier.get().eventType() + ", "
                    + DateTimeFormatter.ISO_INSTANT.format(earlier.get().recordedAt()) + "); a run is labelled once", 0);
        }
        Score score = score(run.getId());
        outcomes.insert(new RunOutcome(run.getId(), route.processKey(), businessKey, route.outcome().name(), route.outcome().positive(),
                score.modelName(), score.modelVersion(), score.probability(), score.score(), route.type(), clock.instant()));
        shadows(run.getId(), score);
        return run.getId();
    }

    /** The challengers' shadow scores of the run ({@code shadowScores} of its scoring task), each labelled with the same outcome. */
    private void shadows(String processInstanceId, Score score) {
        if (score.shadowScores() == null) {
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>(java.util.Set.of(score.modelVersion()));
        try {
            for (com.fasterxml.jackson.databind.JsonNode shadow : JSON.readTree(score.shadowScores())) {
                if (shadow.path("probability").isNumber() && shadow.path("version").isTextual() && seen.add(shadow.path("version").asText())) {
                    outcomes.insertShadow(processInstanceId, score.modelName(), shadow.path("version").asText(),
                            shadow.path("probability").asDouble(), shadow.path("score").isNumber() ? shadow.path("score").asDouble() : null);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            // a run's shadow record the application did not write: its challengers are not compared on this run
        }
    }

    private record Score(String modelName, String modelVersion, Double probability, Double score, String shadowScores) {
        static final Score NONE = new Score(null, null, null, null, null);
    }

    /** The first score the run recorded: {@code modelVersion}, {@code probability} and {@code score} of one scoring task's scope. */
    private Score score(String processInstanceId) {
        List<HistoricVariableInstance> versions = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("modelVersion").list().stream()
                .filter(v -> v.getValue() instanceof String && !processInstanceId.equals(v.getActivityInstanceId())).toList();
        for (HistoricVariableInstance version : versions) {
            Map<String, Object> scope = new java.util.HashMap<>();
            history.createHistoricVariableInstanceQuery().activityInstanceIdIn(version.getActivityInstanceId())
                    .variableNameIn("probability", "score", "shadowScores").list().forEach(v -> scope.put(v.getName(), v.getValue()));
            if (scope.get("probability") instanceof Number probability) {
                String modelVersion = (String) version.getValue();
                return new Score(modelVersion.split(" ")[0], modelVersion, probability.doubleValue(),
                        scope.get("score") instanceof Number s ? s.doubleValue() : null,
                        scope.get("shadowScores") == null ? null : scope.get("shadowScores").toString());
            }
        }
        return Score.NONE;
    }
}
