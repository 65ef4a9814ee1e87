package io.circuitos.bench;

import io.circuitos.ml.SharedEmbeddingModel;
import io.circuitos.knowledge.KnowledgeBase;
import io.circuitos.knowledge.KnowledgeConfiguration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: knowledge-base retrieval latency per query (embed the question + search the in-memory
 * index, top 3), after a warm-up, single thread. Argument: {@code [queries=2000]}.
 */
public final class RetrievalBenchmark {

    private static final List<String> QUESTIONS = List.of(
            "my request keeps coming back with status 429, what now",
            "how do I compute the HMAC header for a CRM event",
            "the retention campaign is over budget, can I shrink it instead of rejecting",
            "swap in a newer scoring model while the service keeps running",
            "where can I see which table row made the agent pick that band");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long indexStart = System.nanoTime();
        KnowledgeBase knowledge = new KnowledgeBase(SharedEmbeddingModel.get(), KnowledgeConfiguration.articles());
        double indexMs = (System.nanoTime() - indexStart) / 1e6;
        for (int i = 0; i < 200; i++) {
            knowledge.search(QUESTIONS.get(i % QUESTIONS.size()) + " " + i, 3);
        }
        long[] latencies = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            knowledge.search(QUESTIONS.get(i % QUESTIONS.size()) + " #" + i, 3); // distinct text: nothing cached
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "retrieval: %d articles indexed in %.0f ms; %d queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                KnowledgeConfiguration.articles().size(), indexMs, n, latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6,
                latencies[n - 1] / 1e6);
    }
}
