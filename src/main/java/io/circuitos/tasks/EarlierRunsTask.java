package io.circuitos.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * Generic "the contact's earlier runs" task, made for the LLM's tools: the runs of any agent whose contact
 * address (one of {@code emailVariables}) is the address the analyst binds, newest first, with how each ended.
 * Earlier tickets, open opportunities, past campaigns: whatever the history holds for that one contact.
 */
public class EarlierRunsTask implements JavaDelegate, GenericTask {

    private static final int MOST = 20;
    private static final int MAX_TEXT = 3_900;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final TaskInput<String> EMAIL = LookUpCustomerTask.EMAIL;
    static final TaskInput<List<String>> EMAIL_VARIABLES = TaskInput.list("emailVariables",
            "the variables that hold a run's contact address (default customerEmail, contactEmail)");
    static final TaskInput<List<String>> PROCESS_KEYS = TaskInput.list("processKeys",
            "the agents whose runs it lists (default every agent): bind those the readers of this run may read");
    static final TaskInput<Double> LIMIT = TaskInput.number("limit", "how many runs, newest first (default 10, at most 20)").llmMayFill();
    static final TaskOutput<String> EARLIER_RUNS = TaskOutput.text("earlierRuns",
            "JSON list: process, businessKey, started, ended, state (ACTIVE or COMPLETED...), endReason");
    static final TaskOutput<Number> EARLIER_RUN_COUNT = TaskOutput.number("earlierRunCount", "how many runs were found");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("earlierRuns")
            .title("The contact's earlier runs")
            .description("Lists the contact's other runs of every agent from the history, newest first: which agent, its business "
                    + "key (ticket, opportunity, application), whether it is still open, and how it ended.")
            .inputs(EMAIL, EMAIL_VARIABLES, PROCESS_KEYS, LIMIT)
            .outputs(EARLIER_RUNS, EARLIER_RUN_COUNT)
            .noSideEffects()
            .tool()
            .build();

    /** The runs among these, newest first; the engine's query refuses an empty id set, so it is never built for none. */
    private static List<HistoricProcessInstance> runs(HistoryService history, Set<String> instanceIds, List<String> processKeys, int limit) {
        org.camunda.bpm.engine.history.HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds);
        if (!processKeys.isEmpty()) {
            query.processDefinitionKeyIn(processKeys.toArray(String[]::new));
        }
        return query.orderByProcessInstanceStartTime().desc().listPage(0, limit);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String email = EMAIL.read(execution, "").trim();
        if (email.isEmpty()) { // a run without a contact address has no earlier runs: never every run without one
            EARLIER_RUNS.write(execution, "[]");
            EARLIER_RUN_COUNT.write(execution, 0);
            return;
        }
        int limit = (int) Math.max(1, Math.min(MOST, LIMIT.read(execution, 10.0)));
        HistoryService history = execution.getProcessEngineServices().getHistoryService();
        Set<String> instanceIds = new LinkedHashSet<>();
        for (String variable : EMAIL_VARIABLES.read(execution, List.of("customerEmail", "contactEmail"))) {
            history.createHistoricVariableInstanceQuery().variableValueEquals(variable, email).listPage(0, 200).stream()
                    .map(HistoricVariableInstance::getProcessInstanceId).forEach(instanceIds::add);
        }
        instanceIds.remove(execution.getProcessInstanceId());
        List<HistoricProcessInstance> runs = instanceIds.isEmpty() ? List.of() : runs(history, instanceIds,
                PROCESS_KEYS.read(execution, List.of()), limit);
        Map<String, Object> endReasons = runs.isEmpty() ? Map.of() : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(runs.stream().map(HistoricProcessInstance::getId).toArray(String[]::new)).variableName("endReason")
                .list().stream().filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getProcessInstanceId, HistoricVariableInstance::getValue, (a, b) -> a));
        ArrayNode list = JSON.createArrayNode();
        for (HistoricProcessInstance run : runs) {
            ObjectNode item = list.addObject();
            item.put("process", run.getProcessDefinitionKey());
            item.put("businessKey", run.getBusinessKey());
            item.put("started", run.getStartTime() == null ? null : run.getStartTime().toInstant().toString());
            item.put("ended", run.getEndTime() == null ? null : run.getEndTime().toInstant().toString());
            item.put("state", run.getState());
            item.put("endReason", endReasons.containsKey(run.getId()) ? endReasons.get(run.getId()).toString() : null);
        }
        while (list.size() > 1 && list.toString().length() > MAX_TEXT) {
            list.remove(list.size() - 1); // a text variable holds 4,000 characters: the oldest go first
        }
        EARLIER_RUNS.write(execution, list.toString());
        EARLIER_RUN_COUNT.write(execution, runs.size());
    }
}
