package io.circuitos.audit.whatif;

import io.circuitos.audit.MatchedRuleRecorder;
import io.circuitos.engine.CircuitosEnginePlugin;
import io.circuitos.engine.bounds.FeelBudget;
import io.circuitos.engine.bounds.RunTimeBoundExceeded;
import io.circuitos.privacy.Redaction;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Re-evaluates a candidate decision table on the inputs of every recorded evaluation of the deployed
 * decision in a window, on a DMN engine of its own (FEEL, no history), and says what would change.
 * The inputs are recovered by name: each recorded input clause of the deployed table is the variable
 * its input expression names. Nothing is deployed or written.
 */
public class WhatIfReplay {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int SAMPLE = 20;
    public static final String TOTAL_PROPERTY = "circuitos.decisions.what-if-timeout";

    private final ProcessEngine engine;
    private final HistoryService history;

    /**
     * A DMN engine of its own: FEEL only (the guard refused every other language before), no history
     * listener (the engine's would record the replayed evaluations), the matched-rule recorder.
     */
    private final DmnEngine dmn;

    private final Duration total;

    /**
     * @param feel  the FEEL budget of the engine's own decisions, per evaluated expression
     * @param total the whole replay's budget ({@code circuitos.decisions.what-if-timeout})
     */
    public WhatIfReplay(ProcessEngine engine, FeelBudget feel, Duration total) {
        this.engine = engine;
        this.history = engine.getHistoryService();
        this.total = total;
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new MatchedRuleRecorder()));
        configuration.setFeelEngineFactory(CircuitosEnginePlugin.feelEngineFactory(feel));
        this.dmn = configuration.buildEngine();
    }

    public record Change(String businessKey, String processInstanceId, Map<String, Object> inputs, Object before, Object after,
                         List<String> matchedRules) {
    }

    public record Unevaluable(String decisionInstanceId, String businessKey, Map<String, Object> inputs, String reason) {
    }

    private record Replayed(HistoricDecisionInstance evaluation, Map<String, Object> inputs, Object before, Object after,
                            List<String> matchedRuleIds) {
    }

    public record Result(String decisionKey, int deployedVersion, int days, int evaluations, Map<String, Long> before, Map<String, Long> after,
                         int changed, List<Change> sample, int unevaluated, List<Unevaluable> unevaluable) {

        /** The same answer with the personal recorded inputs redacted: decisions and counts stay. */
        public Result redacted(Redaction redaction) {
            return new Result(decisionKey, deployedVersion, days, evaluations, before, after, changed, sample.stream()
                    .map(c -> new Change(c.businessKey(), c.processInstanceId(), redaction.variables(c.inputs()), c.before(), c.after(),
                            c.matchedRules())).toList(), unevaluated, unevaluable.stream()
                    .map(u -> new Unevaluable(u.decisionInstanceId(), u.businessKey(), redaction.variables(u.inputs()), u.reason())).toList());
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong when the candidate has no decision {@code key} or cannot be parsed
     * @throws RunTimeBoundExceeded     naming the expression that went past the FEEL budget, or the decision when the
     *                                  replay as a whole went past its own
     */
    public Result replay(String key, byte[] candidateDmn, int days) {
        long deadline = System.nanoTime() + total.toNanos();
        DmnDecision candidate;
        try {
            candidate = dmn.parseDecision(key, new ByteArrayInputStream(candidateDmn));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the candidate file has no decision " + key + " that the DMN engine can read: " + e.getMessage());
        }
        DecisionDefinition deployed = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        Date from = Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(days)));
        List<HistoricDecisionInstance> recorded = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).evaluatedAfter(from)
                .includeInputs().includeOutputs().disableCustomObjectDeserialization().list();
        Map<String, String> variableOfClause = variableOfClause(recorded);
        List<String> needed = List.copyOf(inputVariables(candidate).values());

        Map<String, Long> before = new TreeMap<>();
        Map<String, Long> after = new TreeMap<>();
        List<Change> sample = new ArrayList<>();
        List<Unevaluable> unevaluable = new ArrayList<>();
        List<Replayed> changedCases = new ArrayList<>();
        int changed = 0;
        int unevaluated = 0;
        for (HistoricDecisionInstance evaluation : recorded) {
            if (System.nanoTime() - deadline > 0) {
                throw new RunTimeBoundExceeded(key, "replaying decision " + key + " took longer than " + TOTAL_PROPERTY + " (" + total
                        + ") after " + (before.values().stream().mapToLong(Long::longValue).sum()) + " of " + recorded.size()
                        + " evaluations; ask for fewer days");
            }
            Map<String, Object> inputs = new LinkedHashMap<>();
            for (HistoricDecisionInputInstance input : evaluation.getInputs()) {
                String variable = variableOfClause.get(input.getClauseId());
                if (variable != null) {
                    inputs.put(variable, input.getValue());
                }
            }
            Object old = value(evaluation);
            before.merge(String.valueOf(old), 1L, Long::sum);
            List<String> missing = needed.stream().filter(name -> !inputs.containsKey(name)).toList();
            if (!missing.isEmpty()) { // FEEL would read them as null and quietly match nothing
                unevaluated++;
                if (unevaluable.size() < SAMPLE) {
                    unevaluable.add(new Unevaluable(evaluation.getId(), null, inputs,
                            "the candidate reads " + String.join(", ", missing) + ", which this evaluation did not record"));
                }
                continue;
            }
            MatchedRuleRecorder.Captured<DmnDecisionResult> outcome;
            try {
                outcome = MatchedRuleRecorder.capturing(() -> dmn.evaluateDecision(candidate, Variables.fromMap(inputs)));
            } catch (RuntimeException e) {
                RunTimeBoundExceeded exceeded = RunTimeBoundExceeded.in(e);
                if (exceeded != null) { // the next evaluations would wait as long again
                    throw exceeded;
                }
                unevaluated++;
                if (unevaluable.size() < SAMPLE) {
                    unevaluable.add(new Unevaluable(evaluation.getId(), null, inputs, e.getMessage()));
                }
                continue;
            }
            Object now = value(outcome.result());
            after.merge(String.valueOf(now), 1L, Long::sum);
            if (!Objects.equals(String.valueOf(old), String.valueOf(now))) {
                changed++;
                if (changedCases.size() < SAMPLE) {
                    changedCases.add(new Replayed(evaluation, inputs, old, now, outcome.matchedRuleIds()));
                }
            }
        }
        Map<String, String> businessKeys = businessKeys(changedCases.stream().map(c -> c.evaluation().getProcessInstanceId())
                .filter(Objects::nonNull).toList());
        for (Replayed c : changedCases) {
            List<String> rules = c.matchedRuleIds().stream().map(id -> MatchedRuleRecorder.describe(candidate, id, Map.of())).toList();
            sample.add(new Change(businessKeys.get(c.evaluation().getProcessInstanceId()), c.evaluation().getProcessInstanceId(), c.inputs(),
                    c.before(), c.after(), rules));
        }
        return new Result(key, deployed == null ? 0 : deployed.getVersion(), days, recorded.size(), before, after, changed, sample,
                unevaluated, unevaluable);
    }

    /** Clause id → the variable the deployed tables' input expression names (for every version evaluated in the window). */
    private Map<String, String> variableOfClause(List<HistoricDecisionInstance> recorded) {
        Map<String, String> variables = new HashMap<>();
        Set<String> definitions = new LinkedHashSet<>();
        recorded.forEach(r -> definitions.add(r.getDecisionDefinitionId()));
        for (String definitionId : definitions) {
            if (engine.getRepositoryService().getDecisionDefinition(definitionId) instanceof DmnDecision decision) {
                variables.putAll(inputVariables(decision));
            }
        }
        return variables;
    }

    /** Input clause id → the variable its input expression names, for the inputs whose expression is a plain variable name. */
    private static Map<String, String> inputVariables(DmnDecision decision) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            for (DmnDecisionTableInputImpl input : table.getInputs()) {
                String expression = input.getExpression() == null ? null : input.getExpression().getExpression();
                if (expression != null && VARIABLE.matcher(expression.trim()).matches()) {
                    variables.put(input.getId(), expression.trim());
                }
            }
        }
        return variables;
    }

    /** What a recorded evaluation decided: the aggregated value, or the first output of each matched rule. */
    private static Object value(HistoricDecisionInstance evaluation) {
        if (evaluation.getCollectResultValue() != null) {
            return number(evaluation.getCollectResultValue());
        }
        List<Object> values = new ArrayList<>();
        Set<String> rules = new LinkedHashSet<>();
        for (HistoricDecisionOutputInstance output : evaluation.getOutputs()) {
            if (rules.add(output.getRuleId())) {
                values.add(output.getValue());
            }
        }
        return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
    }

    private static Object value(DmnDecisionResult result) {
        List<Object> values = new ArrayList<>();
        for (DmnDecisionResultEntries entries : result) {
            values.add(entries.getFirstEntry() instanceof Number n ? number(n) : entries.getFirstEntry());
        }
        return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
    }

    private static Object number(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? (Object) (double) n.doubleValue() : value;
    }

    private Map<String, String> businessKeys(Collection<String> processInstanceIds) {
        Map<String, String> keys = new HashMap<>();
        if (!processInstanceIds.isEmpty()) {
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(new LinkedHashSet<>(processInstanceIds)).list()) {
                keys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        return keys;
    }
}
