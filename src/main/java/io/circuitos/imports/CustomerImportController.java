package io.circuitos.imports;

import java.io.IOException;
import java.io.Reader;
import org.springframework.http.HttpStatus;
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
        CustomerImporter.Report report = importer.importCsv(CsvUpload.of(file));
        return ResponseEntity.status(report.valid() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(report);
    }
}
