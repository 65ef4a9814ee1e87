package io.circuitos.intake;

import io.circuitos.engine.bounds.RunTimeBoundExceeded;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts what the durable inbox holds, on every node: locks a batch of due deliveries, starts them in one engine
 * command and records each outcome, all in one transaction, so a crash or a lost database leaves a delivery either
 * queued or started, never both, and another node waits on the same rows instead of starting them again. A batch
 * that fails is started one delivery at a time; the one that fails is tried again later (1, 2, 4 … seconds) and,
 * after {@code max-attempts}, kept as failed. It runs as fast as the engine commits, wakes when this node stores a
 * delivery and looks every {@code poll-interval} for what other nodes stored.
 */
public class InboxDrainer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxDrainer.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final IntakeService intake;
    private final DeliveryStore deliveries;
    private final TransactionTemplate transactions;
    private final WebhookProperties.Inbox settings;
    private final InboxLevel level;
    private final Clock clock;
    private final Timer waits;
    private volatile boolean running;
    private Thread thread;

    public InboxDrainer(IntakeService intake, DeliveryStore deliveries, TransactionTemplate transactions, WebhookProperties.Inbox settings,
                        InboxLevel level, Clock clock, MeterRegistry meters) {
        this.intake = intake;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.settings = settings;
        this.level = level;
        this.clock = clock;
        this.waits = Timer.builder("circuitos_inbox_wait").description("time from a delivery's 202 to its run's start")
                .publishPercentileHistogram().register(meters);
    }

    /**
     * One batch: the deliveries it settled (started, left to an active run, or given up on), 0 when none was due.
     * Throws when the database cannot be reached.
     */
    public int drainOnce() {
        long began = System.nanoTime();
        try {
            Integer started = transactions.execute(tx -> {
                List<DeliveryStore.Queued> due = deliveries.lockDue(settings.batchSize(), clock.instant());
                if (!due.isEmpty()) {
                    settle(due, clock.instant(), intake.startQueued(due));
                }
                return due.size();
            });
            level.drained(started, Duration.ofNanos(System.nanoTime() - began));
            return started;
        } catch (RuntimeException batchFailed) {
            LOG.debug("an inbox batch failed, starting its deliveries one by one", batchFailed);
            return oneByOne();
        }
    }

    private int oneByOne() {
        List<DeliveryStore.Queued> due = transactions.execute(tx -> deliveries.lockDue(settings.batchSize(), clock.instant()));
        int settled = 0;
        for (DeliveryStore.Queued queued : due) {
            try {
                settled += transactions.execute(tx -> deliveries.lockQueued(queued.source(), queued.webhookId()).map(locked -> {
                    settle(List.of(locked), clock.instant(), intake.startQueued(List.of(locked)));
                    return 1;
                }).orElse(0));
            } catch (RuntimeException failed) {
                Instant next = nextAttempt(queued, failed);
                LOG.warn("inbox delivery {} from {} ({}) did not start (attempt {}): {}{}", queued.webhookId(), queued.source(),
                        queued.eventType(), queued.attempts() + 1, failed.getMessage(), next == null ? "; given up" : "; trying again at " + next);
                transactions.executeWithoutResult(tx -> deliveries.attemptFailed(queued.source(), queued.webhookId(), failed.toString(), next));
                settled += next == null ? 1 : 0;
            }
        }
        return settled;
    }

    /** Records what a batch did; {@code taken} is when its starts began (its runs' start times are not before it). */
    private void settle(List<DeliveryStore.Queued> due, Instant taken, List<StartResult> results) {
        deliveries.started(due, results, taken);
        for (int i = 0; i < due.size(); i++) {
            if (StartResult.STARTED.equals(results.get(i).outcome())) { // a delivery that met an active run started nothing
                waits.record(Duration.between(due.get(i).receivedAt(), taken));
            }
        }
    }

    /**
     * When to try again, or null to give up: at once for a delivery its route now refuses or whose start runs past a
     * run-time bound (it would again), else after the last attempt.
     */
    private Instant nextAttempt(DeliveryStore.Queued queued, RuntimeException failure) {
        int attempt = queued.attempts() + 1;
        if (failure instanceof IntakeRejection || RunTimeBoundExceeded.in(failure) != null || attempt >= settings.maxAttempts()) {
            return null;
        }
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempt - 1, 20));
        return clock.instant().plus(backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff);
    }

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            try {
                if (drainOnce() == 0) {
                    level.counted(deliveries.depth());
                    level.awaitWork(settings.pollInterval());
                }
                failuresInARow = 0;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unreachable) {
                failuresInARow++;
                long pause = Math.min(MAX_PAUSE.toMillis(), settings.pollInterval().toMillis() << Math.min(failuresInARow, 10));
                LOG.warn("the inbox drainer cannot reach the database ({}); trying again in {} ms", unreachable.getMessage(), pause);
                if (!pause(pause)) {
                    return;
                }
            }
        }
    }

    private boolean pause(long millis) {
        try {
            level.awaitWork(Duration.ofMillis(millis));
            return running;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "circuitos-inbox-drainer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        level.wakeUp();
        if (thread != null) {
            // not interrupted: an interrupt in the middle of a JDBC call can close an embedded database's file
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return settings.drain();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
