package io.circuitos.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How full the durable inbox is, as this node last counted it (every drain cycle, across all nodes) plus what
 * this node stored since: the intake's 429 reads it instead of counting rows per request. Also how fast the
 * drainer empties it, for the Retry-After of a refused delivery.
 */
public class InboxLevel {

    private static final long MIN_RETRY_AFTER_SECONDS = 1;
    private static final long MAX_RETRY_AFTER_SECONDS = 60;

    private final Clock clock;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();
    private final AtomicReference<Double> startsPerSecond = new AtomicReference<>(0.0);
    private final Semaphore work = new Semaphore(0);

    public InboxLevel(Clock clock) {
        this.clock = clock;
    }

    /** Waits until this node stores a delivery, at most {@code timeout}. */
    void awaitWork(Duration timeout) throws InterruptedException {
        work.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        work.drainPermits();
    }

    /** Ends a wait at once (the drainer stops). */
    void wakeUp() {
        work.release();
    }

    /** The inbox as counted in the database. */
    void counted(DeliveryStore.Depth depth) {
        queued.set(depth.queued());
        failed.set(depth.failed());
        oldest.set(depth.oldestReceivedAt());
    }

    /** A delivery this node stored; wakes the drainer. */
    void added() {
        if (queued.getAndIncrement() == 0) {
            oldest.compareAndSet(null, clock.instant());
        }
        work.release();
    }

    /** A drain cycle started {@code started} deliveries in {@code took}. */
    void drained(int started, Duration took) {
        queued.updateAndGet(n -> Math.max(0, n - started));
        if (started > 0 && !took.isZero()) {
            startsPerSecond.set(started * 1_000_000_000.0 / took.toNanos());
        }
    }

    boolean full(int maxDepth) {
        return queued.get() >= maxDepth;
    }

    public long queued() {
        return queued.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Seconds the oldest queued delivery has waited (0 when none waits). */
    public double oldestAgeSeconds() {
        Instant since = oldest.get();
        return since == null || queued.get() == 0 ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    /** When to send again: the time the drainer needs for what waits now, between 1 and 60 seconds. */
    long retryAfterSeconds() {
        double rate = startsPerSecond.get();
        long seconds = rate <= 0 ? MAX_RETRY_AFTER_SECONDS : (long) Math.ceil(queued.get() / rate);
        return Math.max(MIN_RETRY_AFTER_SECONDS, Math.min(MAX_RETRY_AFTER_SECONDS, seconds));
    }
}
