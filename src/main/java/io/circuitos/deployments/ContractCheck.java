package io.circuitos.deployments;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * The build's check that an agent's BPMN, DMN, forms, prompts, templates, routes and models fit
 * together (see {@link ProcessContract} for the rules). Run by a test over the shipped agents and
 * usable on an analyst's files before they are deployed.
 */
public final class ContractCheck {

    private final AgentCatalog catalog;

    public ContractCheck(AgentCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param processes BPMN resources by name; each should already have passed the deployment guard */
    public List<ContractProblem> check(Map<String, byte[]> processes) {
        List<ContractProblem> problems = new ArrayList<>();
        processes.forEach((name, bytes) -> problems.addAll(check(name, bytes)));
        return problems;
    }

    private List<ContractProblem> check(String resource, byte[] bytes) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException unreadable) {
            return List.of(new ContractProblem(resource, "-", "not a BPMN model: " + unreadable.getMessage()));
        }
        String xml = new String(bytes, StandardCharsets.UTF_8);
        List<ContractProblem> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            problems.addAll(new ProcessContract(resource, xml, model, process, catalog).check());
        }
        return problems;
    }
}
