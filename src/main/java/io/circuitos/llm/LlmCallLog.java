package io.circuitos.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * What the model costs a process instance, kept on the instance: {@code llmCalls}, {@code llmTokens}
 * and {@code llmCallLog} (JSON, in order: each model call with its template, provider, model, failover path,
 * latency, tokens and outcome; each tool call an agent made with its arguments and a summary of its result),
 * so the budget holds across tasks and every provider, and the trail shows every call.
 */
public final class LlmCallLog {

    static final String BUDGET_ERROR = "llm-budget-exceeded";
    /** Longer than this, the log is kept as a JSON variable: a text variable holds 4,000 characters. */
    private static final int MAX_TEXT = 3_900;
    /** How much of a tool's arguments and result the log keeps. */
    private static final int SUMMARY = 240;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmCallLog() {
    }

    /** Throws the BPMN error {@value #BUDGET_ERROR} when one more call would exceed the instance's budget. */
    static void ensureBudget(DelegateExecution execution, LlmProperties.Budget budget) {
        String used = budgetUsedUp(execution, budget);
        if (used != null) {
            throw new BpmnError(BUDGET_ERROR, used);
        }
    }

    /** Why one more call would exceed the instance's budget; null while it would not. */
    static String budgetUsedUp(DelegateExecution execution, LlmProperties.Budget budget) {
        int calls = intVariable(execution, "llmCalls");
        int tokens = intVariable(execution, "llmTokens");
        if (calls >= budget.maxCalls() || tokens >= budget.maxTokens()) {
            return "LLM budget of this instance used up: " + calls + " of " + budget.maxCalls() + " calls, " + tokens + " of "
                    + budget.maxTokens() + " tokens";
        }
        return null;
    }

    static void record(DelegateExecution execution, LlmAnswer call, String outcome) {
        execution.setVariable("llmCalls", intVariable(execution, "llmCalls") + 1);
        execution.setVariable("llmTokens", intVariable(execution, "llmTokens") + call.tokens());
        ArrayNode log = readLog(execution);
        ObjectNode entry = log.addObject();
        entry.put("activity", execution.getCurrentActivityId());
        entry.put("kind", "model");
        entry.put("template", call.template());
        if (call.provider() != null) {
            entry.put("provider", call.provider());
        }
        entry.put("model", call.model());
        entry.put("latencyMs", call.latencyMs());
        entry.put("promptTokens", call.promptTokens());
        entry.put("outputTokens", call.outputTokens());
        if (call.failover() != null && !call.failover().isEmpty()) {
            call.failover().forEach(entry.putArray("failover")::add);
        }
        entry.put("outcome", outcome);
        write(execution, log);
    }

    /** A call no provider answered: no tokens, but the providers tried and why each failed. */
    static void recordUnanswered(DelegateExecution execution, String template, LlmUnavailableException failure) {
        if (failure.failover().isEmpty()) {
            return; // none was asked (no model configured): nothing happened to record
        }
        ArrayNode log = readLog(execution);
        ObjectNode entry = log.addObject();
        entry.put("activity", execution.getCurrentActivityId());
        entry.put("kind", "model");
        entry.put("template", template);
        failure.failover().forEach(entry.putArray("failover")::add);
        entry.put("outcome", "no answer: " + failure.forPeople());
        write(execution, log);
    }

    /** A tool an agent called: its name, what it was given and what it answered (both shortened), and how it went. */
    static void recordTool(DelegateExecution execution, String tool, String arguments, String result, String outcome, long latencyMs) {
        ArrayNode log = readLog(execution);
        ObjectNode entry = log.addObject();
        entry.put("activity", execution.getCurrentActivityId());
        entry.put("kind", "tool");
        entry.put("tool", tool);
        entry.put("arguments", shorten(arguments));
        entry.put("result", shorten(result));
        entry.put("outcome", outcome);
        entry.put("latencyMs", latencyMs);
        write(execution, log);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= SUMMARY ? text : text.substring(0, SUMMARY - 1) + "…";
    }

    private static void write(DelegateExecution execution, ArrayNode log) {
        String text = log.toString();
        execution.setVariable("llmCallLog", text.length() <= MAX_TEXT ? text : SpinValues.jsonValue(text).create());
    }

    private static ArrayNode readLog(DelegateExecution execution) {
        Object current = execution.getVariable("llmCallLog");
        if (current == null) {
            return JSON.createArrayNode();
        }
        try {
            JsonNode read = JSON.readTree(current.toString()); // text, or the JSON variable a long log became
            return read instanceof ArrayNode array ? array : JSON.createArrayNode();
        } catch (Exception e) {
            return JSON.createArrayNode();
        }
    }

    private static int intVariable(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Number number ? number.intValue() : 0;
    }
}
