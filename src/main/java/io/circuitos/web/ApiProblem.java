package io.circuitos.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The one shape of a refused {@code /api/**} request: {@code status}, {@code error} and, when a field is at fault, {@code field}. */
public final class ApiProblem {

    public static final int MAX_DAYS = 366;

    private ApiProblem() {
    }

    public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }

    /** A {@code days} window of 1 to {@value #MAX_DAYS}, or null when the text is not one. */
    public static Integer days(String text) {
        try {
            int days = Integer.parseInt(text.trim());
            return days >= 1 && days <= MAX_DAYS ? days : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static ResponseEntity<Map<String, Object>> badDays() {
        return of(HttpStatus.BAD_REQUEST, "days must be a whole number from 1 to " + MAX_DAYS, "days");
    }
}
