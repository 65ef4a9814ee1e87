package io.circuitos.intake;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import io.circuitos.engine.bounds.RunTimeBoundExceeded;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * One answer shape for every refused webhook or import: {@code {"status", "error", "field"}}, plus
 * Retry-After on 429 and 503. What a caller can send is a 4xx; a database that cannot be reached is a
 * 503 (send again later: nothing was stored), never a 500.
 */
@RestControllerAdvice(basePackages = "io.circuitos")
public class IntakeRejectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeRejectionHandler.class);
    static final long OUTAGE_RETRY_AFTER_SECONDS = 5;

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

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, InvalidMediaTypeException.class})
    public ResponseEntity<Map<String, Object>> mediaType(Exception e) {
        return rejected(IntakeRejection.unsupportedMediaType("unsupported Content-Type: " + e.getMessage()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestPartException.class})
    public ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return rejected(IntakeRejection.badRequest("the request cannot be read: " + e.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return rejected(IntakeRejection.tooLarge("the upload is too large: " + e.getMessage()));
    }

    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
        return rejected(IntakeRejection.badRequest("the upload is not a readable multipart form: " + e.getMessage()));
    }

    /**
     * The event's process went past a run-time bound in the start's own transaction (a loop without a
     * wait state, a multi-instance over the limit): nothing was stored, sending it again changes nothing.
     */
    @ExceptionHandler(RunTimeBoundExceeded.class)
    public ResponseEntity<Map<String, Object>> runTimeBound(RunTimeBoundExceeded e) {
        LOG.warn("a start went past a run-time bound, answering 422: {}", e.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 422);
        body.put("error", e.getMessage());
        body.put("element", e.elementId());
        return ResponseEntity.unprocessableEntity().body(body);
    }

    /** The database is away (outage, restart, pool exhausted): 503 with Retry-After; anything else stays an error. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class})
    public ResponseEntity<Map<String, Object>> database(RuntimeException e) {
        if (!isDatabaseOutage(e)) {
            throw e;
        }
        LOG.warn("database unavailable, answering 503: {}", e.toString());
        return rejected(IntakeRejection.unavailable("the database is unavailable; nothing was stored, send again later",
                OUTAGE_RETRY_AFTER_SECONDS));
    }

    public static boolean isDatabaseOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.springframework.transaction.TransactionSystemException failed
                    && (failed.getApplicationException() != null && isDatabaseOutage(failed.getApplicationException())
                    || failed.getCause() instanceof SQLException sql && (sql.getSQLState() == null || sql.getSQLState().startsWith("08")))) {
                // commit or rollback failed on the connection itself (it was closed under us), hiding the original outage
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
