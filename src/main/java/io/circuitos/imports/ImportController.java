package io.circuitos.imports;

import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports/{event-type}}: a CSV upload (part {@code file}) starts one instance per row
 * when every row is valid (200); otherwise nothing is started and the answer is 400 with every bad row.
 */
@RestController
public class ImportController {

    private final CsvEventImporter importer;

    public ImportController(CsvEventImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/imports/{eventType:[a-z0-9_]+\\.[a-z0-9_.]+}", consumes = "multipart/form-data")
    public ResponseEntity<Map<String, Object>> importEvents(@PathVariable String eventType,
                                                            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        CsvEventImporter.Report report = importer.importRows(eventType, CsvUpload.of(file));
        return ResponseEntity.status(report.valid() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(CsvEventImporter.summary(report));
    }
}
