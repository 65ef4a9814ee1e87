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
 * known ({@link ModelComparison}); analysts, managers and admins.
 */
@RestController
public class ModelComparisonController {

    private final OutcomeStore outcomes;

    public ModelComparisonController(OutcomeStore outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping(path = "/api/models/{name}/comparison", produces = "application/json")
    public ResponseEntity<?> comparison(@PathVariable String name) {
        if (!ModelRegistry.shippedNames().contains(name)) {
            return ApiProblem.of(HttpStatus.NOT_FOUND, "no shipped model " + name + " (" + String.join(", ", ModelRegistry.shippedNames()) + ")",
                    "name");
        }
        return ResponseEntity.ok(ModelComparison.of(name, outcomes.forModel(name)));
    }
}
