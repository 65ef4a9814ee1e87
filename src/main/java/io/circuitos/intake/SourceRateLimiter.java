package io.circuitos.intake;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A token bucket per source: {@code rate-limit-per-minute} requests, refilled continuously. */
class SourceRateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    void acquire(String source, int perMinute) {
        Bucket bucket = buckets.computeIfAbsent(source, s -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw IntakeRejection.tooManyRequests("rate limit of " + perMinute + " requests/minute for source '"
                    + source + "' exceeded", seconds);
        }
    }
}
