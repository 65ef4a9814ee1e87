package io.circuitos.tasks;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import io.circuitos.ml.DriftMonitor;
import io.circuitos.ml.FeatureContribution;
import io.circuitos.ml.LoadedModel;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.ml.ScoreResult;
import io.circuitos.ml.ScoringException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "score with model X" service task. The model's features are read from the process variables of
 * the same names; the outputs are local, for the task's output mapping to name as the agent needs.
 */
public class ScoreWithModelTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> MODEL_NAME = TaskInput.text("modelName",
            "a model in ml-models/; its features are read by name from the run (its variables and its start's fields)").required().naming(Refers.MODEL);
    static final TaskOutput<Number> PROBABILITY = TaskOutput.number("probability", "0–1, four decimals");
    static final TaskOutput<Number> SCORE = TaskOutput.number("score", "0–100, percentile in the model's reference population");
    static final TaskOutput<String> MODEL_VERSION = TaskOutput.text("modelVersion", "the model's name and version");
    static final TaskOutput<String> TOP_FEATURES = TaskOutput.text("topFeatures", "the features that moved the score most, for people");
    static final TaskOutput<String> SHADOW_SCORES = TaskOutput.text("shadowScores",
            "the model's challengers' scores, recorded and never deciding: JSON [{version, probability, score}]");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("scoreWithModel")
            .title("Score with a model")
            .description("Scores the run with a model of ml-models/: the probability, a 0–100 score and the features behind it; the "
                    + "model's challengers score in shadow beside it and never decide.")
            .inputs(MODEL_NAME)
            .outputs(PROBABILITY, SCORE, MODEL_VERSION, TOP_FEATURES, SHADOW_SCORES)
            .noSideEffects()
            .tool()
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRegistry registry;
    private final DriftMonitor drift;

    private final Map<String, Fixed> fixed;

    /** A score a case book fixes: the probability, and the 0–100 score (null: the probability's percentile in the model). */
    public record Fixed(double probability, Double score) {
    }

    public ScoreWithModelTask(ModelRegistry registry, DriftMonitor drift) {
        this(registry, drift, Map.of());
    }

    /** For a case book's run: these models answer what the case fixed, without scoring. */
    public ScoreWithModelTask(ModelRegistry registry, DriftMonitor drift, Map<String, Fixed> fixed) {
        this.registry = registry;
        this.drift = drift;
        this.fixed = Map.copyOf(fixed);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String modelName = MODEL_NAME.read(execution);
        if (modelName == null) {
            throw new ScoringException("service task " + execution.getCurrentActivityId() + " has no " + MODEL_NAME.name() + " input");
        }
        LoadedModel model = registry.get(modelName);
        Fixed answer = fixed.get(modelName);
        if (answer != null) {
            PROBABILITY.write(execution, answer.probability());
            SCORE.write(execution, answer.score() != null ? answer.score() : model.percentile(answer.probability()));
            MODEL_VERSION.write(execution, modelName + " fixed by the case book");
            TOP_FEATURES.write(execution, "the case book fixed this probability");
            return;
        }
        Map<String, Object> features = RunPayload.visible(execution);
        ScoreResult result = model.score(features);
        drift.observe(model, features, result.score());
        // four decimals: enough for any decision, and readable in a form
        PROBABILITY.write(execution, Math.round(result.probability() * 10_000d) / 10_000d);
        SCORE.write(execution, result.score());
        MODEL_VERSION.write(execution, result.modelName() + " " + result.modelVersion());
        TOP_FEATURES.write(execution, result.topFeatures().isEmpty()
                ? "no feature raises this score"
                : result.topFeatures().stream().map(FeatureContribution::toString).collect(Collectors.joining("; ")));
        List<LoadedModel> challengers = registry.challengers(modelName);
        if (!challengers.isEmpty()) {
            SHADOW_SCORES.write(execution, shadowScores(challengers, features));
        }
    }

    /** Each challenger's score of the same features; one that fails is recorded as failed, never failing the run. */
    static String shadowScores(List<LoadedModel> challengers, Map<String, Object> features) {
        ArrayNode scores = JSON.createArrayNode();
        for (LoadedModel challenger : challengers) {
            ObjectNode shadow = scores.addObject().put("version", challenger.metadata().name() + " " + challenger.metadata().version());
            try {
                ScoreResult result = challenger.shadowScore(features);
                shadow.put("probability", Math.round(result.probability() * 10_000d) / 10_000d).put("score", result.score());
            } catch (RuntimeException e) {
                shadow.put("failed", String.valueOf(e.getMessage()));
            }
        }
        return scores.toString();
    }
}
