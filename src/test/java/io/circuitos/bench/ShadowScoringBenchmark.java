package io.circuitos.bench;

import io.circuitos.agents.lostopportunity.SampleOpportunities;
import io.circuitos.ml.LoadedModel;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.outcomes.ModelComparison;
import io.circuitos.outcomes.RunOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: what shadow scoring adds to a case (the shipped lost-opportunity model as champion, the same model as
 * {@code challengers} challengers, scored as {@code scoreWithModel} does), and how long the comparison report takes on
 * {@code labelled} labelled cases of three versions. Arguments: {@code [cases=5000] [challengers=2] [labelled=10000]}.
 */
public final class ShadowScoringBenchmark {

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int challengers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int labelled = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        LoadedModel champion = new ModelRegistry(Path.of("ml-models"), Duration.ofHours(1), Clock.systemUTC()).get("lost-opportunity-reactivation");
        List<LoadedModel> shadows = new ArrayList<>();
        for (int i = 0; i < challengers; i++) {
            shadows.add(new ModelRegistry(Path.of("ml-models"), Duration.ofHours(1), Clock.systemUTC()).get("lost-opportunity-reactivation"));
        }
        Random random = new Random(3);
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Map<String, Object> c = new HashMap<>(List.of(SampleOpportunities.urgent(), SampleOpportunities.high(), SampleOpportunities.ignore()).get(i % 3));
            c.put("age", 20L + random.nextInt(60));
            features.add(c);
        }
        long[] alone = new long[cases];
        long[] withShadows = new long[cases];
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            for (int i = 0; i < cases; i++) {
                long t0 = System.nanoTime();
                champion.score(features.get(i));
                alone[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                champion.score(features.get(i));
                for (LoadedModel shadow : shadows) {
                    shadow.shadowScore(features.get(i));
                }
                withShadows[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(alone);
        Arrays.sort(withShadows);
        System.out.printf(Locale.ROOT, "%d cases: champion alone p50 %.3f ms p99 %.3f ms; with %d challengers in shadow p50 %.3f ms p99 %.3f ms; "
                        + "added p50 %.3f ms, p99 %.3f ms%n", cases, p(alone, .5), p(alone, .99), challengers, p(withShadows, .5), p(withShadows, .99),
                p(withShadows, .5) - p(alone, .5), p(withShadows, .99) - p(alone, .99));

        List<RunOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < labelled; i++) {
            double p = random.nextDouble();
            boolean won = random.nextDouble() < p;
            for (String version : List.of("champion", "challenger-a", "challenger-b")) {
                outcomes.add(new RunOutcome("p" + i, "lost-opportunity", "k" + i, won ? "won" : "lost", won, "m", version,
                        Math.min(1, Math.max(0, p + random.nextGaussian() * 0.1)), p * 100, "opportunity.won", Instant.EPOCH));
            }
        }
        long[] report = new long[20];
        for (int i = 0; i < report.length; i++) {
            long t0 = System.nanoTime();
            ModelComparison.of("m", outcomes);
            report[i] = System.nanoTime() - t0;
        }
        Arrays.sort(report);
        System.out.printf(Locale.ROOT, "comparison report of %d labelled cases x 3 versions: median %.1f ms, slowest %.1f ms (20 runs)%n",
                labelled, p(report, .5), report[report.length - 1] / 1e6);
    }

    private static double p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }
}
