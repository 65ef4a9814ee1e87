package io.circuitos.intake;

import org.springframework.http.HttpStatus;

/** A webhook we refuse, with the HTTP status and, for payload problems, the field at fault. */
public class IntakeRejection extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final long retryAfterSeconds;

    private IntakeRejection(HttpStatus status, String message, String field, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static IntakeRejection badField(String field, String message) {
        return new IntakeRejection(HttpStatus.BAD_REQUEST, field + ": " + message, field, 0);
    }

    public static IntakeRejection badRequest(String message) {
        return new IntakeRejection(HttpStatus.BAD_REQUEST, message, null, 0);
    }

    public static IntakeRejection unauthorized(String message) {
        return new IntakeRejection(HttpStatus.UNAUTHORIZED, message, null, 0);
    }

    public static IntakeRejection notFound(String message) {
        return new IntakeRejection(HttpStatus.NOT_FOUND, message, null, 0);
    }

    public static IntakeRejection unsupportedMediaType(String message) {
        return new IntakeRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message, "Content-Type", 0);
    }

    public static IntakeRejection tooLarge(String message) {
        return new IntakeRejection(HttpStatus.PAYLOAD_TOO_LARGE, message, null, 0);
    }

    /** The database cannot be reached: the caller should send again later (nothing was stored). */
    public static IntakeRejection unavailable(String message, long retryAfterSeconds) {
        return new IntakeRejection(HttpStatus.SERVICE_UNAVAILABLE, message, null, retryAfterSeconds);
    }

    /** The event is well formed but refers to what does not exist (the run an outcome labels); nothing was stored. */
    public static IntakeRejection unprocessable(String field, String message) {
        return new IntakeRejection(HttpStatus.UNPROCESSABLE_ENTITY, message, field, 0);
    }

    /** The event meets a run in a state that cannot take it now; nothing was stored. */
    public static IntakeRejection conflict(String message, long retryAfterSeconds) {
        return new IntakeRejection(HttpStatus.CONFLICT, message, null, retryAfterSeconds);
    }

    public static IntakeRejection tooManyRequests(String message, long retryAfterSeconds) {
        return new IntakeRejection(HttpStatus.TOO_MANY_REQUESTS, message, null, retryAfterSeconds);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
