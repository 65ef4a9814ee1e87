package io.circuitos.tasks;

import io.circuitos.ml.FeatureContribution;
import io.circuitos.ml.LoadedModel;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.ml.ScoreResult;
import io.circuitos.ml.ScoringException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "score with model X" service task. Input mapping {@code modelName}; the model's features
 * are read from the process variables of the same names. Writes local variables {@code probability}
 * (0–1), {@code score} (0–100, percentile in the model's reference population), {@code modelVersion}
 * and {@code topFeatures} for the task's output mapping to name as the agent needs.
 */
public class ScoreWithModelDelegate implements JavaDelegate {

    private final ModelRegistry registry;

    public ScoreWithModelDelegate(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object modelName = execution.getVariable("modelName");
        if (modelName == null) {
            throw new ScoringException("service task " + execution.getCurrentActivityId() + " has no modelName input");
        }
        LoadedModel model = registry.get(modelName.toString());
        ScoreResult result = model.score(execution.getVariables());
        // four decimals: enough for any decision, and readable in a form
        execution.setVariableLocal("probability", Math.round(result.probability() * 10_000d) / 10_000d);
        execution.setVariableLocal("score", result.score());
        execution.setVariableLocal("modelVersion", result.modelName() + " " + result.modelVersion());
        execution.setVariableLocal("topFeatures", result.topFeatures().isEmpty()
                ? "no feature stands out from the typical case"
                : result.topFeatures().stream().map(FeatureContribution::toString).collect(Collectors.joining("; ")));
    }
}
