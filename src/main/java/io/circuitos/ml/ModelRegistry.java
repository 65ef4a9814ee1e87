package io.circuitos.ml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Loads models once and keeps them in memory. A model directory on disk ({@code models-dir/<name>})
 * wins over the copy packaged in the jar ({@code classpath:ml-models/<name>}); the disk copy is
 * re-checked at most every {@code recheckInterval}, so a new version dropped in is picked up
 * without a restart.
 */
public class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path modelsDir;
    private final Duration recheckInterval;
    private final Clock clock;
    private final Map<String, Entry> models = new ConcurrentHashMap<>();
    private final Map<String, Challengers> challengers = new ConcurrentHashMap<>();

    private record Entry(LoadedModel model, String source, Instant fileTime, Instant checkedAt) {
    }

    /** The challengers of one model as last read: each directory's metadata file time, to see what changed. */
    private record Challengers(List<LoadedModel> models, Map<Path, Instant> fileTimes, Instant checkedAt) {
    }

    /** Where a model's challengers live: {@code <models-dir>/<name>/challengers/<version>/}, each with its model.json and model.bin. */
    public static final String CHALLENGERS_DIR = "challengers";

    public ModelRegistry(Path modelsDir, Duration recheckInterval, Clock clock) {
        this.modelsDir = modelsDir;
        this.recheckInterval = recheckInterval;
        this.clock = clock;
    }

    /** The models shipped with the application ({@code ml-models/<name>/model.json} on the class path), by name. */
    public static java.util.SortedSet<String> shippedNames() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        try {
            for (org.springframework.core.io.Resource resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath*:ml-models/*/model.json")) {
                String url = resource.getURL().toString();
                String dir = url.substring(0, url.lastIndexOf('/'));
                names.add(dir.substring(dir.lastIndexOf('/') + 1));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    public LoadedModel get(String name) {
        checkName(name);
        Entry entry = models.get(name);
        Instant now = clock.instant();
        if (entry == null || now.isAfter(entry.checkedAt().plus(recheckInterval))) {
            entry = models.compute(name, (key, current) -> refresh(key, current, now));
        }
        return entry.model();
    }

    /**
     * The model's challengers, scored in shadow beside it and never deciding: every loadable
     * {@code <models-dir>/<name>/challengers/<version>/}, re-read like the champion; one that cannot be loaded is left out
     * (and logged), never failing the run.
     */
    public List<LoadedModel> challengers(String name) {
        checkName(name);
        Instant now = clock.instant();
        Challengers current = challengers.get(name);
        if (current == null || now.isAfter(current.checkedAt().plus(recheckInterval))) {
            current = challengers.compute(name, (key, known) -> readChallengers(key, known, now));
        }
        return current.models();
    }

    private Challengers readChallengers(String name, Challengers known, Instant now) {
        Path dir = modelsDir.resolve(name).resolve(CHALLENGERS_DIR);
        Map<Path, Instant> fileTimes = new java.util.TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (java.util.stream.Stream<Path> versions = Files.list(dir)) {
                versions.filter(v -> Files.isRegularFile(v.resolve(ModelTrainer.METADATA_FILE)))
                        .forEach(v -> fileTimes.put(v, lastModified(v.resolve(ModelTrainer.METADATA_FILE))));
            } catch (IOException e) {
                LOG.warn("challengers of model {} in {} cannot be listed", name, dir, e);
            }
        }
        if (known != null && known.fileTimes().equals(fileTimes)) {
            return new Challengers(known.models(), fileTimes, now);
        }
        List<LoadedModel> loaded = new java.util.ArrayList<>();
        fileTimes.keySet().forEach(version -> {
            try (InputStream meta = Files.newInputStream(version.resolve(ModelTrainer.METADATA_FILE));
                 InputStream model = Files.newInputStream(version.resolve(ModelTrainer.MODEL_FILE))) {
                loaded.add(load(meta, model));
            } catch (IOException | RuntimeException e) {
                LOG.warn("challenger {} of model {} cannot be loaded and is not scored", version, name, e);
            }
        });
        LOG.info("model {}: {} challenger(s) {}", name, loaded.size(), loaded.stream().map(m -> m.metadata().version()).toList());
        return new Challengers(List.copyOf(loaded), fileTimes, now);
    }

    private Entry refresh(String name, Entry current, Instant now) {
        Path dir = modelsDir.resolve(name);
        Path metadataFile = dir.resolve(ModelTrainer.METADATA_FILE);
        if (Files.isRegularFile(metadataFile)) {
            Instant fileTime = lastModified(metadataFile);
            if (current != null && current.source().equals(dir.toString()) && current.fileTime().equals(fileTime)) {
                return new Entry(current.model(), current.source(), fileTime, now);
            }
            try (InputStream meta = Files.newInputStream(metadataFile);
                 InputStream model = Files.newInputStream(dir.resolve(ModelTrainer.MODEL_FILE))) {
                LoadedModel loaded = load(meta, model);
                LOG.info("loaded model {} version {} from {}", name, loaded.metadata().version(), dir);
                return new Entry(loaded, dir.toString(), fileTime, now);
            } catch (IOException | RuntimeException e) {
                if (current != null) {
                    LOG.warn("model {} in {} could not be loaded, keeping version {}", name, dir, current.model().metadata().version(), e);
                    return new Entry(current.model(), current.source(), current.fileTime(), now);
                }
                throw new ScoringException("model " + name + " in " + dir + " could not be loaded", e);
            }
        }
        if (current != null && current.source().startsWith("classpath:")) {
            return new Entry(current.model(), current.source(), current.fileTime(), now);
        }
        return loadFromClasspath(name, now)
                .orElseThrow(() -> new ScoringException("no model named " + name + " in " + modelsDir + " or the application"));
    }

    private Optional<Entry> loadFromClasspath(String name, Instant now) {
        String base = "ml-models/" + name + "/";
        ClassLoader loader = ModelRegistry.class.getClassLoader();
        try (InputStream meta = loader.getResourceAsStream(base + ModelTrainer.METADATA_FILE);
             InputStream model = loader.getResourceAsStream(base + ModelTrainer.MODEL_FILE)) {
            if (meta == null || model == null) {
                return Optional.empty();
            }
            LoadedModel loaded = load(meta, model);
            LOG.info("loaded model {} version {} from the application", name, loaded.metadata().version());
            return Optional.of(new Entry(loaded, "classpath:" + base, Instant.EPOCH, now));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelMetadata readMetadata(InputStream metadataJson) throws IOException {
        return JSON.readValue(metadataJson, ModelMetadata.class);
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new ScoringException("invalid model name: " + name);
        }
    }

    /**
     * The card of the model in use, without loading the model itself: the disk copy's {@code model.json}, else the jar's.
     *
     * @throws ScoringException when there is none
     */
    public ModelMetadata card(String name) {
        Entry loaded = models.get(name);
        if (loaded != null) {
            return loaded.model().metadata();
        }
        Path onDisk = modelsDir.resolve(name).resolve(ModelTrainer.METADATA_FILE);
        try (InputStream in = Files.isRegularFile(onDisk) ? Files.newInputStream(onDisk)
                : ModelRegistry.class.getClassLoader().getResourceAsStream("ml-models/" + name + "/" + ModelTrainer.METADATA_FILE)) {
            if (in == null) {
                throw new ScoringException("no model named " + name + " in " + modelsDir + " or the application");
            }
            return readMetadata(in);
        } catch (IOException e) {
            throw new ScoringException("the card of model " + name + " cannot be read", e);
        }
    }

    /** Reads the model and its challengers again at the next use (a promotion or rollback changed the files). */
    public void forget(String name) {
        models.remove(name);
        challengers.remove(name);
    }

    static LoadedModel load(InputStream metadataJson, InputStream modelBin) throws IOException {
        ModelMetadata metadata = readMetadata(metadataJson);
        try {
            Object[] objects = SerializationHelper.readAll(modelBin);
            return new LoadedModel(metadata, (Classifier) objects[0], (Instances) objects[1]);
        } catch (Exception e) {
            throw new IOException("cannot read model " + metadata.name(), e);
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
