package io.circuitos.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Writes what a decision table decided, and why, onto the execution that evaluated it, so the
 * human task can show it: {@code matchedRule} (the rule as the analyst wrote it, e.g.
 * "reactivationScore >= 80 → band = "urgent""), {@code matchedRuleId}, {@code decisionKey} and
 * {@code decisionVersion}. The text is built from the deployed table itself, so it cannot go stale
 * when an analyst moves a threshold. Variables are local to the evaluating activity: map them out
 * with the task's output mapping.
 */
public class MatchedRuleRecorder implements DmnDecisionTableEvaluationListener {

    /** Set by a what-if replay on its own thread: the rules that matched in the tables it evaluates. */
    private static final ThreadLocal<List<String>> CAPTURE = new ThreadLocal<>();

    /** Runs {@code evaluation} and returns the ids of the rules that matched in it (decision tables evaluated on this thread). */
    public static <T> Captured<T> capturing(java.util.function.Supplier<T> evaluation) {
        List<String> matched = new ArrayList<>();
        CAPTURE.set(matched);
        try {
            return new Captured<>(evaluation.get(), matched);
        } finally {
            CAPTURE.remove();
        }
    }

    public record Captured<T>(T result, List<String> matchedRuleIds) {
    }

    @Override
    public void notify(DmnDecisionTableEvaluationEvent event) {
        List<String> capture = CAPTURE.get();
        if (capture != null) {
            event.getMatchingRules().forEach(rule -> capture.add(rule.getId()));
        }
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        if (context == null) {
            return; // evaluated through the decision service, not by a process: nothing to annotate
        }
        DelegateExecution execution = context.getExecution();
        DmnDecision decision = event.getDecisionTable();
        execution.setVariableLocal("decisionKey", decision.getKey());
        if (decision instanceof DecisionDefinition definition) {
            execution.setVariableLocal("decisionVersion", definition.getVersion());
        }
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (DmnEvaluatedDecisionRule matched : event.getMatchingRules()) {
            ids.add(matched.getId());
            texts.add(describe(decision, matched));
        }
        execution.setVariableLocal("matchedRuleId", String.join(",", ids));
        execution.setVariableLocal("matchedRule", texts.isEmpty() ? "no rule matched" : String.join("; ", texts));
    }

    static String describe(DmnDecision decision, DmnEvaluatedDecisionRule matched) {
        Map<String, Object> outputs = new java.util.LinkedHashMap<>();
        matched.getOutputEntries().forEach((name, output) -> outputs.put(name, output.getValue().getValue()));
        return describe(decision, matched.getId(), outputs);
    }

    /**
     * A rule of a deployed table as the analyst wrote it: its conditions (named by their input
     * expressions) and the outputs it gave, e.g. {@code reactivationScore >= 80 → band = urgent}.
     */
    public static String describe(DmnDecision decision, String ruleId, Map<String, Object> outputs) {
        if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
            return ruleId;
        }
        DmnDecisionTableRuleImpl rule = table.getRules().stream()
                .filter(r -> r.getId().equals(ruleId)).findFirst().orElse(null);
        if (rule == null) {
            return ruleId;
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < rule.getConditions().size() && i < table.getInputs().size(); i++) {
            String condition = rule.getConditions().get(i).getExpression();
            if (condition != null && !condition.isBlank() && !condition.trim().equals("-")) {
                conditions.add(inputName(table.getInputs().get(i)) + " " + condition.trim());
            }
        }
        List<String> given = new ArrayList<>();
        outputs.forEach((name, value) -> given.add(name + " = " + value));
        String when = conditions.isEmpty() ? "always" : String.join(" and ", conditions);
        String label = rule.getName() == null || rule.getName().isBlank() ? "" : " (" + rule.getName().trim() + ")";
        return when + " → " + String.join(", ", given) + label;
    }

    private static String inputName(DmnDecisionTableInputImpl input) {
        DmnExpressionImpl expression = input.getExpression();
        if (expression != null && expression.getExpression() != null && !expression.getExpression().isBlank()) {
            return expression.getExpression().trim();
        }
        return input.getName();
    }
}
