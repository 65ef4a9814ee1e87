package io.circuitos.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drift watch: the last {@code window} cases each model scored on this node, bucketed as its training data was
 * ({@link DriftBaseline}), and the population stability index of each feature and of the score against the training
 * shares: PSI = Σ (now − then) · ln(now / then). 0.10 and above is worth watching, 0.25 and above means the cases no longer
 * look like the training data. The score's baseline is the reference population's deciles (10 % each). Until a model has
 * {@code minCases} cases in its window its PSI is unknown (NaN).
 */
public class DriftMonitor {

    /** The name the score's PSI goes by, beside the features'. */
    public static final String SCORE = "score";
    private static final double FLOOR = 0.0001; // an empty bucket on either side would make the PSI infinite

    private final int window;
    private final int minCases;
    private final Map<String, Window> models = new ConcurrentHashMap<>();

    public DriftMonitor(int window, int minCases) {
        this.window = window;
        this.minCases = minCases;
    }

    /** One scored case: its features (the variables the model read) and the score (0–100) the champion gave. */
    public void observe(LoadedModel model, Map<String, ?> features, double score) {
        observer(model.metadata()).add(features, score);
    }

    /** The window of the model this card describes; a new version (a promotion) starts a new window. */
    public Observer observer(ModelMetadata metadata) {
        return models.compute(metadata.name(), (name, known) ->
                known != null && known.version.equals(metadata.version()) ? known : new Window(metadata, window));
    }

    /** One model's window: what it has seen and how far that is from its training data. */
    public interface Observer {

        void add(Map<String, ?> features, double score);

        /** The PSI of a feature or of {@value DriftMonitor#SCORE}; NaN while there are too few cases. */
        double psi(String name);
    }

    /** The PSI of {@code feature} (or {@value #SCORE}) of {@code model} over its window; NaN while there are too few cases. */
    public double psi(String model, String feature) {
        Window current = models.get(model);
        return current == null ? Double.NaN : current.psi(feature);
    }

    /** The names whose PSI is watched for a model's card: {@value #SCORE} and every feature with a baseline. */
    public static List<String> watched(ModelMetadata metadata) {
        List<String> names = new ArrayList<>(List.of(SCORE));
        if (metadata.driftBaseline() != null) {
            names.addAll(metadata.driftBaseline().features().keySet());
        }
        return names;
    }

    /** A ring of the last cases' buckets, one column per watched name. */
    private final class Window implements Observer {

        private final String version;
        private final List<String> names;
        private final List<DriftBaseline.Feature> baselines;
        private final int[][] rows;
        private int next;
        private int filled;

        Window(ModelMetadata metadata, int size) {
            this.version = metadata.version();
            this.names = watched(metadata);
            this.baselines = new ArrayList<>();
            baselines.add(new DriftBaseline.Feature(List.of(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0),
                    java.util.Collections.nCopies(10, 0.1), List.of()));
            names.subList(1, names.size()).forEach(name -> baselines.add(metadata.driftBaseline().features().get(name)));
            this.rows = new int[size][names.size()];
        }

        @Override
        public synchronized void add(Map<String, ?> features, double score) {
            int[] row = rows[next];
            row[0] = baselines.get(0).bucket(Math.min(99.999, score));
            for (int i = 1; i < names.size(); i++) {
                row[i] = baselines.get(i).bucket(features.get(names.get(i)));
            }
            next = (next + 1) % rows.length;
            filled = Math.min(filled + 1, rows.length);
        }

        @Override
        public synchronized double psi(String name) {
            int column = names.indexOf(name);
            if (column < 0 || filled < minCases) {
                return Double.NaN;
            }
            DriftBaseline.Feature baseline = baselines.get(column);
            double[] counts = new double[baseline.buckets()];
            int seen = 0;
            for (int r = 0; r < filled; r++) {
                int bucket = rows[r][column];
                if (bucket >= 0) {
                    counts[bucket]++;
                    seen++;
                }
            }
            if (seen < minCases) {
                return Double.NaN;
            }
            double psi = 0;
            for (int b = 0; b < counts.length; b++) {
                double now = Math.max(FLOOR, counts[b] / seen);
                double then = Math.max(FLOOR, b < baseline.expected().size() ? baseline.expected().get(b) : 0);
                psi += (now - then) * Math.log(now / then);
            }
            return Math.round(psi * 10_000d) / 10_000d;
        }
    }
}
