package io.circuitos.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** One answer shape for every refused webhook or import: {@code {"status", "error", "field"}}, plus Retry-After on 429. */
@RestControllerAdvice
public class IntakeRejectionHandler {

    @ExceptionHandler(IntakeRejection.class)
    public ResponseEntity<Map<String, Object>> rejected(IntakeRejection rejection) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", rejection.status().value());
        body.put("error", rejection.getMessage());
        if (rejection.field() != null) {
            body.put("field", rejection.field());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(rejection.status());
        if (rejection.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(rejection.retryAfterSeconds()));
        }
        return response.body(body);
    }
}
