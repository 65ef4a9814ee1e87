package io.circuitos.deployments;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an agent's BPMN may refer to, as the contract check sees it: the decisions (key → the
 * variables their input expressions read), the forms (id → field keys), the prompts (id → the
 * variables their placeholders read, and the answer fields they ask for), the drafting templates
 * (id → placeholders), the models (name → feature names) and the webhook routes.
 */
public record AgentCatalog(Map<String, Set<String>> decisions, Map<String, List<FormField>> forms, Map<String, Prompt> prompts,
                           Map<String, Set<String>> templates, Map<String, List<String>> models, List<Route> routes) {

    /**
     * A form field; {@code readonly} fields only show what the process produced; a {@code recordOnly}
     * answer (form property {@code recordOnly: true}, e.g. a note) is kept in the run's history for the
     * trail and need not be read by the process.
     */
    public record FormField(String key, boolean readonly, boolean recordOnly) {
    }

    public record Prompt(Set<String> placeholders, Set<String> answerFields) {
    }

    /** A webhook route: it starts or continues {@code processKey} (or feeds {@code handler}) with these fields. */
    public record Route(String type, String processKey, String handler, String businessKey, List<String> fields) {
    }

    public Optional<Prompt> prompt(String id) {
        return Optional.ofNullable(prompts.get(id));
    }
}
