package io.circuitos.cases;

import io.circuitos.engine.sandbox.DeploymentRefusedException;
import io.circuitos.web.ApiProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/agents/{process}/cases/run} (analysts and admins): the agent's case book on a candidate deployment,
 * in an isolated engine, before anything is live. Multipart parts {@code file} (BPMN, DMN, forms to deploy over the
 * shipped ones; none to run on what ships) and {@code cases} (YAML files with more cases of the same agent).
 */
@RestController
public class CasesController {

    private static final int MAX_FILES = 50;
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final CaseRunner runner;

    public CasesController(CaseRunner runner) {
        this.runner = runner;
    }

    @PostMapping(path = "/api/agents/{process}/cases/run", produces = "application/json")
    public ResponseEntity<?> run(@PathVariable String process,
                                 @RequestParam(name = "file", required = false) List<MultipartFile> files,
                                 @RequestParam(name = "cases", required = false) List<MultipartFile> extraCases) throws IOException {
        CaseBook book = CaseBooks.of(process).orElse(null);
        if (book == null && (extraCases == null || extraCases.isEmpty())) {
            return ApiProblem.of(HttpStatus.NOT_FOUND, "agent '" + process + "' ships no case book (cases/" + process
                    + ".yaml); send cases as multipart parts named cases", "process");
        }
        Map<String, byte[]> candidate = read(files, "file");
        if (candidate == null) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "at most " + MAX_FILES + " files of at most " + MAX_BYTES + " bytes each, each with a name", "file");
        }
        Map<String, byte[]> extra = read(extraCases, "cases");
        if (extra == null) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "at most " + MAX_FILES + " case files of at most " + MAX_BYTES + " bytes each, each with a name", "cases");
        }
        try {
            List<CaseBook.AgentCase> more = new ArrayList<>();
            extra.forEach((name, yaml) -> more.addAll(CaseBookReader.readExtraCases(name, yaml, process)));
            CaseBook all = (book == null ? new CaseBook(process, List.of()) : book).with(more);
            return ResponseEntity.ok(runner.run(all, candidate));
        } catch (CaseBookException e) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, e.getMessage(), "cases");
        } catch (DeploymentRefusedException e) {
            return ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "the candidate files cannot be deployed: " + e.getMessage(), "file");
        }
    }

    private static Map<String, byte[]> read(List<MultipartFile> files, String part) throws IOException {
        Map<String, byte[]> read = new LinkedHashMap<>();
        if (files == null) {
            return read;
        }
        if (files.size() > MAX_FILES) {
            return null;
        }
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if (name == null || name.isBlank() || file.getSize() > MAX_BYTES) {
                return null;
            }
            read.put(name, file.getBytes());
        }
        return read;
    }
}
