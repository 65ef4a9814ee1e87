package io.circuitos.privacy;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The clauses of a deployed decision table that carry personal data: the inputs whose expression reads
 * a personal variable, the outputs named like one. A deployed definition never changes, so each is read once.
 */
public class PersonalDecisionClauses {

    /** {@code inputIds} as recorded in history, {@code inputLabels} as the trail names them (name, else id). */
    public record Clauses(Set<String> inputIds, Set<String> inputLabels, Set<String> outputNames) {

        static final Clauses NONE = new Clauses(Set.of(), Set.of(), Set.of());
    }

    private final RepositoryService repository;
    private final PersonalData personal;
    private final Map<String, Clauses> byDefinitionId = new ConcurrentHashMap<>();
    private final Map<String, String> idByKeyAndVersion = new ConcurrentHashMap<>();

    public PersonalDecisionClauses(RepositoryService repository, PersonalData personal) {
        this.repository = repository;
        this.personal = personal;
    }

    public Clauses of(String decisionDefinitionId) {
        return decisionDefinitionId == null ? Clauses.NONE : byDefinitionId.computeIfAbsent(decisionDefinitionId, this::read);
    }

    public Clauses of(String decisionKey, int version) {
        String id = idByKeyAndVersion.computeIfAbsent(decisionKey + ":" + version, k -> {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                    .decisionDefinitionVersion(version).singleResult();
            return definition == null ? "" : definition.getId();
        });
        return id.isEmpty() ? Clauses.NONE : of(id);
    }

    private Clauses read(String decisionDefinitionId) {
        if (!(repository.getDecisionDefinition(decisionDefinitionId) instanceof DmnDecision decision)
                || !(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
            return Clauses.NONE;
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> labels = new LinkedHashSet<>();
        for (DmnDecisionTableInputImpl input : table.getInputs()) {
            String expression = input.getExpression() == null ? null : input.getExpression().getExpression();
            if (personal.mentionsPersonal(expression)) {
                ids.add(input.getId());
                labels.add(input.getName() != null ? input.getName() : input.getId());
            }
        }
        Set<String> outputs = new LinkedHashSet<>();
        for (DmnDecisionTableOutputImpl output : table.getOutputs()) {
            if (personal.isPersonal(output.getOutputName())) {
                outputs.add(output.getOutputName());
            }
        }
        return new Clauses(Set.copyOf(ids), Set.copyOf(labels), Set.copyOf(outputs));
    }
}
