package io.circuitos.deployments;

import io.circuitos.engine.sandbox.ResourceProblems;
import io.circuitos.engine.sandbox.SandboxPlugin;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.web.ApiProblem;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/deployments/check} (analysts and admins): runs the deployment guard's rules and
 * the contract check on uploaded BPMN, DMN and form files, as a deployment would, and answers the
 * problems. Nothing is deployed. For analysts' own pipelines: {@code ok} is false when a deployment
 * would be refused ({@code guard}) or would not fit the shipped pieces ({@code contract}).
 */
@RestController
public class DeploymentCheckController {

    private static final int MAX_FILES = 50;
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final SandboxPlugin sandbox;
    private final ProcessEngine engine;
    private final RouteCatalogue routes;
    private final PromptLibrary prompts;

    private final org.springframework.beans.factory.ObjectProvider<io.circuitos.engine.sandbox.DeploymentGate> gates;

    public DeploymentCheckController(SandboxPlugin sandbox, ProcessEngine engine, RouteCatalogue routes, PromptLibrary prompts,
                                     org.springframework.beans.factory.ObjectProvider<io.circuitos.engine.sandbox.DeploymentGate> gates) {
        this.gates = gates;
        this.sandbox = sandbox;
        this.engine = engine;
        this.routes = routes;
        this.prompts = prompts;
    }

    @PostMapping(path = "/api/deployments/check", consumes = "multipart/form-data", produces = "application/json")
    public ResponseEntity<Map<String, Object>> check(@RequestParam(name = "file", required = false) List<MultipartFile> files) throws IOException {
        if (files == null || files.isEmpty()) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "send the files to check as multipart parts named file", "file");
        }
        if (files.size() > MAX_FILES) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "at most " + MAX_FILES + " files per check", "file");
        }
        Map<String, byte[]> uploaded = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            if (name.isBlank() || file.getSize() > MAX_BYTES) {
                return ApiProblem.of(HttpStatus.BAD_REQUEST, "each file needs a name and at most " + MAX_BYTES + " bytes: " + name, "file");
            }
            uploaded.put(name, file.getBytes());
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<ResourceProblems> guard = sandbox.checkAsDeployment(uploaded, configuration);
        List<ContractProblem> contract = guard.isEmpty() ? contract(uploaded) : List.of();
        List<io.circuitos.engine.sandbox.DeploymentGate.Finding> cases = guard.isEmpty() && contract.isEmpty()
                ? gates.orderedStream().flatMap(gate -> gate.findings(uploaded).stream()).toList() : List.of();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", guard.isEmpty() && contract.isEmpty() && cases.stream().allMatch(io.circuitos.engine.sandbox.DeploymentGate.Finding::passes));
        body.put("guard", guard);
        body.put("contract", contract);
        body.put("cases", cases);
        if (!guard.isEmpty()) {
            body.put("note", "the contract check and the case books run once the guard accepts the files");
        }
        return ResponseEntity.ok(body);
    }

    /** The uploaded processes against the shipped and deployed decisions and forms, with the uploaded ones on top. */
    private List<ContractProblem> contract(Map<String, byte[]> uploaded) {
        List<ContractProblem> unreadable = new java.util.ArrayList<>();
        Map<String, byte[]> processes = new LinkedHashMap<>();
        Map<String, byte[]> decisions = new LinkedHashMap<>(ShippedAgents.decisions());
        Map<String, byte[]> forms = new LinkedHashMap<>(ShippedAgents.forms());
        addDeployed(decisions, forms);
        uploaded.forEach((name, bytes) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
                processes.put(name, bytes);
            } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                readable(name, () -> AgentCatalogs.decisionInputs(Map.of(name, bytes)), "a DMN model", unreadable)
                        .ifPresent(ok -> decisions.put("uploaded/" + name, bytes));
            } else if (lower.endsWith(".form")) {
                readable(name, () -> AgentCatalogs.formFields(Map.of(name, bytes)), "a Camunda form", unreadable)
                        .ifPresent(ok -> forms.put("uploaded/" + name, bytes));
            }
        });
        AgentCatalog catalog = AgentCatalogs.of(decisions, forms, prompts, ShippedAgents.modelFeatures(), routes);
        List<ContractProblem> problems = new java.util.ArrayList<>(unreadable);
        problems.addAll(new ContractCheck(catalog).check(processes));
        return problems;
    }

    /** A file the guard accepted but the model API cannot read is a problem of that file, not a failed request. */
    private static java.util.Optional<Object> readable(String name, java.util.function.Supplier<Object> read, String what,
                                                       List<ContractProblem> unreadable) {
        try {
            return java.util.Optional.of(read.get());
        } catch (RuntimeException e) {
            unreadable.add(new ContractProblem(name, "-", "not " + what + " the engine can read: " + e.getMessage()));
            return java.util.Optional.empty();
        }
    }

    private void addDeployed(Map<String, byte[]> decisions, Map<String, byte[]> forms) {
        RepositoryService repository = engine.getRepositoryService();
        for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().asc().list()) {
            for (var resource : repository.getDeploymentResources(deployment.getId())) {
                String name = resource.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".dmn")) {
                    decisions.put("deployed/" + resource.getName(), resource.getBytes());
                } else if (name.endsWith(".form")) {
                    forms.put("deployed/" + resource.getName(), resource.getBytes());
                }
            }
        }
    }
}
