package io.circuitos.engine.bounds;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time budget of FEEL expressions that iterate or define functions. The FEEL engine (feel-scala)
 * cannot be interrupted, so such an expression runs on one of a few worker threads and its caller stops
 * waiting at the budget: the caller gets {@link FeelBudgetExceeded} at once, the worker finishes (or
 * fails) in the background and only then takes the next expression. While every worker and the short
 * queue are taken, further such expressions are refused at once. Expressions without iteration run on
 * the caller's thread: their time is bounded by their length.
 *
 * {@code timeout}:       {@code circuitos.decisions.evaluation-timeout}
 * {@code workers}:       {@code circuitos.decisions.evaluation-workers}
 * {@code maxIterations}: {@code circuitos.decisions.max-feel-iterations}: the iterations an expression's ranges may add up to
 */
public final class FeelBudget {

    public static final String TIMEOUT_PROPERTY = "circuitos.decisions.evaluation-timeout";
    public static final String ITERATIONS_PROPERTY = "circuitos.decisions.max-feel-iterations";
    private static final int QUEUED_PER_WORKER = 8;

    private final Duration timeout;
    private final int workers;
    private final long maxIterations;
    private final ThreadPoolExecutor pool;

    public FeelBudget(Duration timeout, int workers, long maxIterations) {
        if (timeout.isNegative() || timeout.isZero() || workers < 1 || maxIterations < 1) {
            throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be positive, the workers and " + ITERATIONS_PROPERTY + " at least 1");
        }
        this.timeout = timeout;
        this.workers = workers;
        this.maxIterations = maxIterations;
        this.pool = pool(workers);
    }

    public Duration timeout() {
        return timeout;
    }

    public long maxIterations() {
        return maxIterations;
    }

    public static FeelBudget defaults() {
        return new FeelBudget(Duration.ofSeconds(2), 2, 100_000);
    }

    /** Runs an evaluation of {@code expression} on a worker, waiting at most the budget. */
    public <T> T run(String expression, Callable<T> evaluation) {
        Future<T> future;
        try {
            future = pool.submit(evaluation);
        } catch (RejectedExecutionException busy) {
            throw new FeelBudgetExceeded(expression, "no FEEL evaluation worker is free (" + workers
                    + " are busy with expressions that iterate); try again later");
        }
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            future.cancel(true);
            throw new FeelBudgetExceeded(expression, "evaluation took longer than " + TIMEOUT_PROPERTY + " (" + timeout + ")");
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeelBudgetExceeded(expression, "the evaluation was interrupted");
        }
    }

    private static ThreadPoolExecutor pool(int workers) {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(workers * QUEUED_PER_WORKER), task -> {
                    Thread thread = new Thread(task, "feel-evaluation-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
