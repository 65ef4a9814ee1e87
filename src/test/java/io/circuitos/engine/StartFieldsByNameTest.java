package io.circuitos.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import io.circuitos.support.ProcessScenarioTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An analyst's model that reads a start's fields by name keeps working when they live in the run's payload: a
 * gateway's condition, {@code execution.getVariable/hasVariable}, a task name, and a call activity's
 * {@code camunda:in source} (which reads a variable without an expression).
 */
class StartFieldsByNameTest extends ProcessScenarioTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(PROCESS_TEST_ENGINE).build();

    private String deployment;

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @BeforeEach
    void deploy() {
        BpmnModelInstance parent = Bpmn.createExecutableProcess("fields-parent").camundaHistoryTimeToLive(1)
                .startEvent()
                .exclusiveGateway()
                .condition("big", "${amount > 1000 && execution.getVariable('company') == 'Acme' && execution.hasVariable('company')}")
                .callActivity("call").calledElement("fields-child").camundaIn("amount", "amount").camundaIn("company", "companyName")
                .endEvent()
                .moveToLastGateway()
                .condition("small", "${amount <= 1000}")
                .userTask("small").name("Small deal of ${company}")
                .endEvent()
                .done();
        BpmnModelInstance child = Bpmn.createExecutableProcess("fields-child").camundaHistoryTimeToLive(1)
                .startEvent().userTask("look").name("Deal of ${companyName}: ${amount}").endEvent().done();
        deployment = repositoryService().createDeployment().addModelInstance("fields-parent.bpmn", parent)
                .addModelInstance("fields-child.bpmn", child).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void aBigDealReachesTheCalledProcessWithItsFieldsCopiedByName() {
        ProcessInstance parent = startWithPayload(Map.of("dealId", "D-1", "amount", 5000.0, "company", "Acme"));

        Task look = taskService().createTaskQuery().taskDefinitionKey("look").singleResult();
        assertThat(look).as("the condition read amount and company from the payload").isNotNull();
        assertThat(look.getName()).isEqualTo("Deal of Acme: 5000.0");
        assertThat(runtimeService().getVariables(look.getProcessInstanceId())).containsEntry("amount", 5000.0)
                .containsEntry("companyName", "Acme");
        assertThat(runtimeService().getVariables(parent.getId())).containsOnlyKeys(RunPayload.VARIABLE);
    }

    @Test
    void aSmallDealsTaskIsNamedFromThePayload() {
        startWithPayload(Map.of("dealId", "D-2", "amount", 200.0, "company", "Bolt"));

        assertThat(taskService().createTaskQuery().taskDefinitionKey("small").singleResult().getName()).isEqualTo("Small deal of Bolt");
    }

    @Test
    void aVariableSetLaterWinsOverThePayloadsField() {
        Map<String, Object> variables = new LinkedHashMap<>(RunPayload.startVariables(Map.of("dealId", "D-3", "amount", 200.0, "company", "Bolt"),
                name -> false));
        variables.put("company", "Renamed");
        runtimeService().startProcessInstanceByKey("fields-parent", "D-3", variables);

        assertThat(taskService().createTaskQuery().taskDefinitionKey("small").singleResult().getName()).isEqualTo("Small deal of Renamed");
    }

    private static ProcessInstance startWithPayload(Map<String, Object> fields) {
        Map<String, Object> variables = RunPayload.startVariables(fields, name -> false);
        assertThat(variables).containsOnlyKeys(RunPayload.VARIABLE);
        return runtimeService().startProcessInstanceByKey("fields-parent", (String) fields.get("dealId"), variables);
    }
}
