package io.circuitos.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/imports/{event-type}}: a CSV upload (part {@code file}) starts one instance per valid row. */
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
        try (Reader csv = CsvUpload.open(file)) {
            return ResponseEntity.ok(CsvEventImporter.summary(importer.importRows(eventType, csv)));
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, Object>> unreadable(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("status", 400, "error", "unreadable CSV: " + e.getMessage()));
    }
}
