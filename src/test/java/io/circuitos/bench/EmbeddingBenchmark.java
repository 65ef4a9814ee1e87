package io.circuitos.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.data.segment.TextSegment;
import io.circuitos.knowledge.RetrievalQuestions;
import io.circuitos.ml.MiniLm;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: CPU per embedding of support-ticket texts (CFPB narratives of at most 1,500 characters, as the support
 * benchmark sends) for all-MiniLM-L6-v2 in full precision and quantized, one text per ONNX run (LangChain4j's encoder, what
 * the product runs) and padded batches; each against the full-precision vectors (cosine) and on the retrieval-quality
 * questions (the right article in the top 3). One thread, as one job thread embeds. Arguments: {@code [texts=400] [batch=8]}.
 */
public final class EmbeddingBenchmark {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private interface Embedder {
        List<float[]> embed(List<String> texts) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<String> texts = new ArrayList<>();
        try (PaddedBatchEncoder counter = new PaddedBatchEncoder(MiniLm.Weights.FULL)) {
            for (String text : SupportBenchmark.narratives(n * 2)) {
                if (texts.size() < n && counter.tokens(text) <= PaddedBatchEncoder.MAX_TOKENS) {
                    texts.add(text);
                }
            }
        }
        System.out.printf(Locale.ROOT, "embedding: %d ticket texts (mean %d characters), batches of %d%n", texts.size(),
                (int) texts.stream().mapToInt(String::length).average().orElse(0), batch);
        List<float[]> reference = null;
        double referenceCpu = 0;
        for (MiniLm.Weights weights : MiniLm.Weights.values()) {
            MiniLm model = new MiniLm(weights);
            int found = RetrievalQuestions.QUESTIONS.size() - RetrievalQuestions.missesInTopThree(model).size();
            try (PaddedBatchEncoder batched = new PaddedBatchEncoder(weights)) {
                Embedder one = list -> list.stream().map(text -> model.embed(TextSegment.from(text)).content().vector()).toList();
                Embedder padded = list -> {
                    List<float[]> vectors = new ArrayList<>();
                    for (int from = 0; from < list.size(); from += batch) {
                        vectors.addAll(List.of(batched.embed(list.subList(from, Math.min(list.size(), from + batch)))));
                    }
                    return vectors;
                };
                Map<String, Embedder> modes = new LinkedHashMap<>();
                modes.put("one text a run", one);
                modes.put("padded batches", padded);
                for (Map.Entry<String, Embedder> mode : modes.entrySet()) {
                    Embedder embedder = mode.getValue();
                    embedder.embed(texts.subList(0, Math.min(50, texts.size()))); // warm-up
                    long cpu = OS.getProcessCpuTime();
                    long wall = System.nanoTime();
                    List<float[]> vectors = embedder.embed(texts);
                    double cpuMs = (OS.getProcessCpuTime() - cpu) / 1e6 / texts.size();
                    double wallMs = (System.nanoTime() - wall) / 1e6 / texts.size();
                    if (reference == null) {
                        reference = vectors;
                        referenceCpu = cpuMs;
                    }
                    double[] cosines = cosines(reference, vectors);
                    System.out.printf(Locale.ROOT, "embedding: %-9s %-14s CPU %.2f ms a text (%.2f× full precision, one a run), wall %.2f ms; "
                            + "cosine to full precision mean %.4f, min %.4f; retrieval %d of %d in the top 3%n", weights, mode.getKey(), cpuMs,
                            cpuMs / referenceCpu, wallMs, cosines[0], cosines[1], found, RetrievalQuestions.QUESTIONS.size());
                }
            }
        }
    }

    private static double[] cosines(List<float[]> reference, List<float[]> vectors) {
        double sum = 0;
        double min = 1;
        for (int i = 0; i < vectors.size(); i++) {
            double dot = 0;
            for (int d = 0; d < vectors.get(i).length; d++) {
                dot += reference.get(i)[d] * vectors.get(i)[d];
            }
            sum += dot;
            min = Math.min(min, dot);
        }
        return new double[] {sum / vectors.size(), min};
    }
}
