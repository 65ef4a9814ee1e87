package io.circuitos.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets by key (a source, or a remote address), refilled continuously; at most 100,000 keys are
 * kept (idle ones expire), so a flood from many addresses cannot grow it without bound.
 */
class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    /** Takes one token, or refuses with 429 and Retry-After. */
    void acquire(String key, int perMinute, String what) {
        ConsumptionProbe probe = bucket(key, perMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw IntakeRejection.tooManyRequests(what + " exceeded (" + perMinute + " a minute)", seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /** Refuses with 429 while the key has no token left, without taking one. */
    void refuseIfExhausted(String key, int perMinute, String what) {
        Bucket bucket = bucket(key, perMinute);
        if (bucket.getAvailableTokens() < 1) {
            throw IntakeRejection.tooManyRequests(what + " exceeded (" + perMinute + " a minute)",
                    seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
    }

    /** Takes a token if there is one (a failure to count). */
    void charge(String key, int perMinute) {
        bucket(key, perMinute).tryConsume(1);
    }

    private Bucket bucket(String key, int perMinute) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
