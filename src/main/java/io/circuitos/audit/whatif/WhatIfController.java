package io.circuitos.audit.whatif;

import io.circuitos.privacy.RunAccess;
import io.circuitos.web.ApiProblem;
import io.circuitos.privacy.Redaction;
import io.circuitos.engine.bounds.RunTimeBoundExceeded;
import io.circuitos.engine.sandbox.ResourceProblems;
import io.circuitos.engine.sandbox.SandboxPlugin;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/decisions/{key}/what-if} (analysts and admins): multipart {@code file} = a
 * candidate DMN, {@code days} (default 30). The candidate first passes the deployment guard, then is
 * replayed on the recorded evaluations of the deployed decision; nothing is deployed or written. The
 * recorded inputs in the answer are redacted where personal for callers who may not read all runs' personal data.
 * A candidate whose FEEL goes past the evaluation budget, or a replay past its total budget, answers 422 naming the
 * expression or the decision.
 */
@RestController
public class WhatIfController {

    private static final long MAX_BYTES = 2L * 1024 * 1024;

    private final WhatIfReplay replay;
    private final SandboxPlugin sandbox;
    private final ProcessEngine engine;
    private final RunAccess access;
    private final Redaction redaction;

    public WhatIfController(WhatIfReplay replay, SandboxPlugin sandbox, ProcessEngine engine, RunAccess access, Redaction redaction) {
        this.replay = replay;
        this.sandbox = sandbox;
        this.engine = engine;
        this.access = access;
        this.redaction = redaction;
    }

    @PostMapping(path = "/api/decisions/{key}/what-if", consumes = "multipart/form-data", produces = "application/json")
    public ResponseEntity<?> whatIf(@PathVariable String key, @RequestParam(name = "file", required = false) MultipartFile file,
                                         @RequestParam(name = "days", defaultValue = "30") String days, Authentication user)
            throws IOException {
        Integer window = ApiProblem.days(days);
        if (window == null) {
            return ApiProblem.badDays();
        }
        if (file == null || file.isEmpty() || file.getSize() > MAX_BYTES) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "send the candidate DMN (at most " + MAX_BYTES + " bytes) as the multipart part file", "file");
        }
        if (engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key).count() == 0) {
            return ApiProblem.of(HttpStatus.NOT_FOUND, "no deployed decision " + key, null);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? key + ".dmn" : file.getOriginalFilename();
        byte[] candidate = file.getBytes();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<ResourceProblems> refused = sandbox.checkAsDeployment(Map.of(name, candidate), configuration);
        if (!refused.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 400);
            body.put("error", "the candidate would be refused by the deployment guard");
            body.put("field", "file");
            body.put("guard", refused);
            return ResponseEntity.badRequest().body(body);
        }
        try {
            WhatIfReplay.Result result = replay.replay(key, candidate, window);
            // the recorded inputs come from the runs of any process: personal ones only for who may read them all
            return ResponseEntity.ok(access.mayReadPersonalData(user, null) ? result : result.redacted(redaction));
        } catch (RunTimeBoundExceeded e) {
            return ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), "file");
        } catch (IllegalArgumentException e) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, e.getMessage(), "file");
        }
    }
}
