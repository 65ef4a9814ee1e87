package io.circuitos.imports;

import io.circuitos.intake.IntakeRejectionHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The answer to an import (bulk start or customers) that a fault stopped while writing: what is
 * committed, and that sending the file again is safe.
 */
@RestControllerAdvice(basePackages = "io.circuitos")
public class ImportFaults {

    @ExceptionHandler(CsvEventImporter.ImportInterrupted.class)
    public ResponseEntity<Map<String, Object>> interrupted(CsvEventImporter.ImportInterrupted e) {
        return answer(e.committed(), e.getCause());
    }

    public static ResponseEntity<Map<String, Object>> answer(long committed, Throwable cause) {
        boolean outage = IntakeRejectionHandler.isDatabaseOutage(cause);
        HttpStatus status = outage ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", (outage ? "the database became unavailable" : "the import failed") + " after " + committed
                + " rows were committed; uploading the same file again is safe: committed rows are recognised and not written twice");
        body.put("committed", committed);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (outage) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.body(body);
    }
}
