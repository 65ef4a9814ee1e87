package io.circuitos.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.ml.ModelVersions;
import io.circuitos.outcomes.ModelComparison;
import io.circuitos.outcomes.OutcomeStore;
import io.circuitos.privacy.PersonalData;
import io.circuitos.privacy.RunAccess;
import io.circuitos.web.ApiProblem;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shipped model's versions and how they did on real outcomes, and the analyst's audited change of its champion:
 * {@code GET /api/models/{name}} (versions with their status and model card, and every promotion and rollback),
 * {@code GET /api/models/{name}/comparison} (champion and challengers on the same labelled cases), {@code POST
 * /api/models/{name}/promote} and {@code /rollback} with {@code {"version", "reason"}} (analysts and admins; a promotion
 * needs {@code circuitos.models.min-labelled-cases} labelled cases of the challenger). Effective at once, no restart.
 */
@RestController
public class ModelsController {

    /** What an analyst sends to promote or roll back: the version as runs record it ({@code <name> <version>}) and why. */
    public record Change(String version, String reason) {
    }

    private final OutcomeStore outcomes;
    private final ModelRegistry models;
    private final ModelVersions versions;
    private final PromotionStore promotions;
    private final ModelsProperties settings;
    private final Clock clock;
    private final LabelledCases labelled;
    private final PersonalData personal;
    private final RunAccess access;

    public ModelsController(OutcomeStore outcomes, ModelRegistry models, ModelVersions versions, PromotionStore promotions,
                            ModelsProperties settings, Clock clock, LabelledCases labelled, PersonalData personal, RunAccess access) {
        this.labelled = labelled;
        this.personal = personal;
        this.access = access;
        this.outcomes = outcomes;
        this.models = models;
        this.versions = versions;
        this.promotions = promotions;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping(path = "/api/models/{name}", produces = "application/json")
    public ResponseEntity<?> model(@PathVariable String name) {
        if (!ModelRegistry.shippedNames().contains(name)) {
            return unknown(name);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", name);
        body.put("versions", versions.of(name));
        body.put("promotions", promotions.of(name));
        return ResponseEntity.ok(body);
    }

    @GetMapping(path = "/api/models/{name}/comparison", produces = "application/json")
    public ResponseEntity<?> comparison(@PathVariable String name) {
        if (!ModelRegistry.shippedNames().contains(name)) {
            return unknown(name);
        }
        Map<String, String> status = new LinkedHashMap<>();
        versions.of(name).forEach(v -> status.putIfAbsent(v.version(), v.status()));
        return ResponseEntity.ok(ModelComparison.of(name, outcomes.forModel(name), version -> status.getOrDefault(version, "retired")));
    }

    /**
     * The labelled production cases as training rows for {@code train --production}. A model reading personal data (a ticket's
     * text) exports only to whoever may read every run's personal data.
     */
    @GetMapping(path = "/api/models/{name}/labelled-cases.csv")
    public ResponseEntity<?> labelledCases(@PathVariable String name, Authentication user) {
        if (!ModelRegistry.shippedNames().contains(name)) {
            return unknown(name);
        }
        java.util.Optional<io.circuitos.ml.TrainingRecipe> recipe = io.circuitos.ml.TrainingRecipes.byName(name);
        if (recipe.isEmpty()) {
            return ApiProblem.of(HttpStatus.NOT_FOUND, "model " + name + " has no training recipe", "name");
        }
        List<String> personalFeatures = recipe.get().features().stream().map(io.circuitos.ml.FeatureSpec::name).filter(personal::isPersonal).toList();
        if (!personalFeatures.isEmpty() && !access.mayReadPersonalData(user, null)) {
            return ApiProblem.of(HttpStatus.FORBIDDEN, "the features " + personalFeatures + " of " + name
                    + " are personal data: only a reader of every run's personal data may export them", null);
        }
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + "-labelled-cases.csv\"").body(labelled.csv(recipe.get()));
    }

    @PostMapping(path = "/api/models/{name}/promote", produces = "application/json")
    public synchronized ResponseEntity<?> promote(@PathVariable String name, @RequestBody(required = false) JsonNode body, Authentication user) {
        Change change = change(body);
        ResponseEntity<?> refused = refused(name, change, "challenger");
        if (refused != null) {
            return refused;
        }
        long labelled = outcomes.labelledCount(change.version());
        if (labelled < settings.minLabelledCases()) {
            return ApiProblem.of(HttpStatus.CONFLICT, "challenger " + change.version() + " has " + labelled + " labelled cases; a promotion needs "
                    + settings.minLabelledCases() + " (circuitos.models.min-labelled-cases)", "version");
        }
        String former = versions.promote(name, change.version());
        return recorded(new Promotion(name, "promote", former, change.version(), user.getName(), change.reason().trim(), clock.instant()));
    }

    @PostMapping(path = "/api/models/{name}/rollback", produces = "application/json")
    public synchronized ResponseEntity<?> rollBack(@PathVariable String name, @RequestBody(required = false) JsonNode body, Authentication user) {
        Change change = change(body);
        ResponseEntity<?> refused = refused(name, change, "retired");
        if (refused != null) {
            return refused;
        }
        String former = versions.rollBack(name, change.version());
        return recorded(new Promotion(name, "rollback", former, change.version(), user.getName(), change.reason().trim(), clock.instant()));
    }

    private ResponseEntity<?> recorded(Promotion promotion) {
        promotions.insert(promotion);
        return ResponseEntity.ok(Map.of("model", promotion.modelName(), "champion", ModelVersions.recorded(models.get(promotion.modelName()).metadata()),
                "change", promotion));
    }

    /** The request's fields when they are text; null fields otherwise, which {@link #refused} names. */
    private static Change change(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        return new Change(body.path("version").isTextual() ? body.get("version").asText() : null,
                body.path("reason").isTextual() ? body.get("reason").asText() : null);
    }

    /** The problem with a request to make {@code version} (of this status) the champion; null when there is none. */
    private ResponseEntity<?> refused(String name, Change change, String status) {
        if (!ModelRegistry.shippedNames().contains(name)) {
            return unknown(name);
        }
        if (change == null || change.version() == null || change.version().isBlank() || change.version().length() > 255) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "send a JSON object {\"version\": \"<model> <version>\", \"reason\": \"why\"}: "
                    + "version is the text a run records (at most 255 characters)", "version");
        }
        if (change.reason() == null || change.reason().isBlank() || change.reason().length() > 2000) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "say why (reason, 1 to 2000 characters): the change is audited", "reason");
        }
        List<ModelVersions.Version> all = versions.of(name);
        if (all.stream().anyMatch(v -> v.status().equals("champion") && v.version().equals(change.version()))) {
            return ApiProblem.of(HttpStatus.CONFLICT, change.version() + " is the champion already", "version");
        }
        List<String> candidates = all.stream().filter(v -> v.status().equals(status)).map(ModelVersions.Version::version).toList();
        if (!candidates.contains(change.version())) {
            return ApiProblem.of(HttpStatus.NOT_FOUND, "model " + name + " has no " + status + " " + change.version() + " ("
                    + (candidates.isEmpty() ? "none" : String.join(", ", candidates)) + ")", "version");
        }
        return null;
    }

    private static ResponseEntity<?> unknown(String name) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "no shipped model " + name + " (" + String.join(", ", ModelRegistry.shippedNames()) + ")", "name");
    }
}
