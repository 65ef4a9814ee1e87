package io.circuitos.outcomes;

import io.circuitos.ml.ModelRegistry;
import io.circuitos.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/models/{name}/comparison}: each version of a shipped model on the production cases whose outcome is
 * known ({@link ModelComparison}), the champion that decided and its challengers scored in shadow on the same cases, with
 * each version's status now; analysts, managers and admins.
 */
@RestController
public class ModelComparisonController {

    private final OutcomeStore outcomes;
    private final ModelRegistry models;

    public ModelComparisonController(OutcomeStore outcomes, ModelRegistry models) {
        this.outcomes = outcomes;
        this.models = models;
    }

    @GetMapping(path = "/api/models/{name}/comparison", produces = "application/json")
    public ResponseEntity<?> comparison(@PathVariable String name) {
        if (!ModelRegistry.shippedNames().contains(name)) {
            return ApiProblem.of(HttpStatus.NOT_FOUND, "no shipped model " + name + " (" + String.join(", ", ModelRegistry.shippedNames()) + ")",
                    "name");
        }
        String champion = versionOf(models.get(name));
        java.util.Set<String> challengers = models.challengers(name).stream().map(ModelComparisonController::versionOf)
                .collect(java.util.stream.Collectors.toSet());
        return ResponseEntity.ok(ModelComparison.of(name, outcomes.forModel(name),
                version -> version.equals(champion) ? "champion" : challengers.contains(version) ? "challenger" : "retired"));
    }

    /** As a run records it: name and version. */
    private static String versionOf(io.circuitos.ml.LoadedModel model) {
        return model.metadata().name() + " " + model.metadata().version();
    }
}
