package io.circuitos.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/** Shared by the latency benchmarks: requests paced at a fixed rate, and latencies read back from the history. */
final class PacedLoad {

    private PacedLoad() {
    }

    /** Sends {@code rate × seconds} requests, one every 1/rate s, from 16 clients; returns when each was sent, by key. */
    static Map<String, Instant> send(int rate, int seconds, IntFunction<String> key, IntFunction<Callable<?>> request) throws Exception {
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * periodNanos;
            // parked, not spinning: a spinning sender took one of the machine's two cores from the app it measures
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String id = key.apply(i);
            Callable<?> call = request.apply(i);
            clients.submit(() -> {
                sentAt.put(id, Instant.now());
                return call.call();
            });
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        return sentAt;
    }

    /** Milliseconds from each sent request to the creation of {@code variable} in its instance, once all have it (or 5 min). */
    static List<Long> untilVariable(HistoryService history, String variable, Map<String, Instant> sentAt) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (history.createHistoricVariableInstanceQuery().variableName(variable).count() < sentAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(2000);
        List<Long> latencies = new ArrayList<>();
        for (HistoricVariableInstance value : history.createHistoricVariableInstanceQuery().variableName(variable).list()) {
            String key = history.createHistoricProcessInstanceQuery().processInstanceId(value.getProcessInstanceId()).singleResult().getBusinessKey();
            if (sentAt.containsKey(key)) {
                latencies.add(value.getCreateTime().getTime() - sentAt.get(key).toEpochMilli());
            }
        }
        return latencies;
    }

    static long percentile(List<Long> values, double q) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
    }
}
