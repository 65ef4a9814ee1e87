package io.circuitos.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the model costs a process instance, kept on the instance: {@code llmCalls}, {@code llmTokens}
 * and {@code llmCallLog} (JSON: template id and version, model, latency, tokens, guard result per
 * call), so the budget holds across tasks and the history shows every call.
 */
final class LlmCallLog {

    static final String BUDGET_ERROR = "llm-budget-exceeded";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmCallLog() {
    }

    /** Throws the BPMN error {@value #BUDGET_ERROR} when one more call would exceed the instance's budget. */
    static void ensureBudget(DelegateExecution execution, LlmProperties.Budget budget) {
        int calls = intVariable(execution, "llmCalls");
        int tokens = intVariable(execution, "llmTokens");
        if (calls >= budget.maxCalls() || tokens >= budget.maxTokens()) {
            throw new BpmnError(BUDGET_ERROR, "LLM budget of this instance used up: " + calls + " of " + budget.maxCalls()
                    + " calls, " + tokens + " of " + budget.maxTokens() + " tokens");
        }
    }

    static void record(DelegateExecution execution, LlmAnswer call, String outcome) {
        execution.setVariable("llmCalls", intVariable(execution, "llmCalls") + 1);
        execution.setVariable("llmTokens", intVariable(execution, "llmTokens") + call.tokens());
        ArrayNode log = readLog(execution);
        ObjectNode entry = log.addObject();
        entry.put("activity", execution.getCurrentActivityId());
        entry.put("template", call.template());
        entry.put("model", call.model());
        entry.put("latencyMs", call.latencyMs());
        entry.put("promptTokens", call.promptTokens());
        entry.put("outputTokens", call.outputTokens());
        entry.put("outcome", outcome);
        execution.setVariable("llmCallLog", log.toString());
    }

    private static ArrayNode readLog(DelegateExecution execution) {
        Object current = execution.getVariable("llmCallLog");
        if (current == null) {
            return JSON.createArrayNode();
        }
        try {
            return (ArrayNode) JSON.readTree(current.toString());
        } catch (JsonProcessingException | ClassCastException e) {
            return JSON.createArrayNode();
        }
    }

    private static int intVariable(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Number number ? number.intValue() : 0;
    }
}
