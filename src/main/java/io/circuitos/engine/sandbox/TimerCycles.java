package io.circuitos.engine.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The shortest interval a literal timer cycle can fire at: ISO 8601 repetitions ({@code R/PT1S},
 * {@code R5/2026-01-01T00:00/PT1H}) and Camunda's cron ({@code sec min hour day month weekday [year]}). For cron
 * the answer is conservative: a field that fires more than once (a list, range, step or {@code *}) counts as
 * its smallest step, so an expression that fires every minute of one hour reads as "every minute".
 */
final class TimerCycles {

    private TimerCycles() {
    }

    /** Empty when the text is no literal cycle this class can read (an expression, say): checked at run time then. */
    static Optional<Duration> shortestInterval(String cycle) {
        String text = cycle.trim();
        if (text.startsWith("R")) {
            return repetition(text);
        }
        String[] fields = text.split("\\s+");
        return fields.length == 6 || fields.length == 7 ? Optional.of(cron(fields)) : Optional.empty();
    }

    /**
     * {@code R[n]/duration}, {@code R[n]/start/duration}, {@code R[n]/duration/end} or {@code R[n]/start/end}; a
     * repetition this class cannot read counts as firing continuously, so it is refused rather than let through.
     */
    private static Optional<Duration> repetition(String text) {
        String[] parts = text.split("/");
        for (int i = parts.length - 1; i >= 1; i--) {
            if (parts[i].startsWith("P")) {
                return Optional.of(period(parts[i]));
            }
        }
        if (parts.length == 3) {
            try {
                return Optional.of(Duration.between(java.time.OffsetDateTime.parse(parts[1]), java.time.OffsetDateTime.parse(parts[2])));
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(Duration.between(java.time.LocalDateTime.parse(parts[1]), java.time.LocalDateTime.parse(parts[2])));
                } catch (DateTimeParseException notLocal) {
                    return Optional.of(Duration.ZERO);
                }
            }
        }
        return Optional.of(Duration.ZERO);
    }

    /** A period; P1M or P1W are no {@link Duration}s but long enough, while P0W (which hangs the engine) is zero. */
    static Duration period(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            if (text.matches("P(\\d+[YMWD])+")) {
                return text.replaceAll("\\D", "").chars().allMatch(c -> c == '0') ? Duration.ZERO : Duration.ofDays(1);
            }
            return Duration.ZERO;
        }
    }

    private static Duration cron(String[] fields) {
        if (firesMoreThanOnce(fields[0])) {
            return Duration.ofSeconds(step(fields[0]));
        }
        if (firesMoreThanOnce(fields[1])) {
            return Duration.ofMinutes(step(fields[1]));
        }
        if (firesMoreThanOnce(fields[2])) {
            return Duration.ofHours(step(fields[2]));
        }
        return Duration.ofDays(1);
    }

    private static boolean firesMoreThanOnce(String field) {
        return !field.matches("\\d+");
    }

    /** The step of a field that fires more than once: {@code a/n} (a an asterisk or a number) gives n, anything else 1. */
    private static long step(String field) {
        int slash = field.indexOf('/');
        if (slash >= 0 && !field.contains(",")) {
            try {
                return Math.max(1, Long.parseLong(field.substring(slash + 1)));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }
}
