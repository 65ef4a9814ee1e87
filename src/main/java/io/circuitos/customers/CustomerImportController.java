package io.circuitos.customers;

import io.circuitos.intake.IntakeRejection;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/imports/customers}: a CSV upload (part {@code file}) in the Telco churn file's columns. */
@RestController
public class CustomerImportController {

    private final CustomerImporter importer;

    public CustomerImportController(CustomerImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/imports/customers", consumes = "multipart/form-data")
    public ResponseEntity<CustomerImporter.Report> importCustomers(@RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw IntakeRejection.badField("file", "a non-empty CSV file part named 'file' is required");
        }
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return ResponseEntity.ok(importer.importCsv(csv));
        }
    }
}
