package io.circuitos.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A model's versions as files under {@code <models-dir>/<name>/}: the champion ({@code model.json}, {@code model.bin}; else the
 * copy in the jar), its challengers ({@code challengers/<version>/}) and the champions it replaced ({@code retired/<version>/}).
 * Promotion makes a challenger the champion and retires the champion; rollback brings a retired champion back and makes the
 * one it replaces a challenger again. The registry reads the new champion at once, without a restart.
 */
public class ModelVersions {

    public static final String RETIRED_DIR = "retired";

    private final Path modelsDir;
    private final ModelRegistry registry;

    public ModelVersions(Path modelsDir, ModelRegistry registry) {
        this.modelsDir = modelsDir;
        this.registry = registry;
    }

    /** One version: as a run records it ({@code name version}), its status and what its model card says. */
    public record Version(String version, String status, ModelMetadata metadata) {
    }

    public List<Version> of(String name) {
        LoadedModel champion = registry.get(name);
        Stream<Version> championVersion = Stream.of(new Version(recorded(champion.metadata()), "champion", champion.metadata()));
        Stream<Version> challengers = registry.challengers(name).stream().map(m -> new Version(recorded(m.metadata()), "challenger", m.metadata()));
        Stream<Version> retired = versionDirs(name, RETIRED_DIR).stream().map(this::metadata).flatMap(Optional::stream)
                .map(m -> new Version(recorded(m), "retired", m));
        return Stream.of(championVersion, challengers, retired).flatMap(s -> s).toList();
    }

    /**
     * Makes challenger {@code version} ({@code name version} as runs record it) the champion; the champion so far is retired.
     *
     * @return the version that was champion
     * @throws IllegalArgumentException when no challenger has that version
     */
    public String promote(String name, String version) {
        Path challenger = dirOf(name, ModelRegistry.CHALLENGERS_DIR, version)
                .orElseThrow(() -> new IllegalArgumentException("model " + name + " has no challenger " + version));
        String former = recorded(registry.get(name).metadata());
        retireChampion(name, former);
        install(challenger, modelsDir.resolve(name));
        delete(challenger);
        registry.forget(name);
        return former;
    }

    /**
     * Brings retired champion {@code version} back; the champion so far becomes a challenger again (it keeps scoring in shadow).
     *
     * @return the version that was champion
     * @throws IllegalArgumentException when no retired version has that version
     */
    public String rollBack(String name, String version) {
        Path retired = dirOf(name, RETIRED_DIR, version)
                .orElseThrow(() -> new IllegalArgumentException("model " + name + " has no retired version " + version));
        ModelMetadata current = registry.get(name).metadata();
        Path asChallenger = modelsDir.resolve(name).resolve(ModelRegistry.CHALLENGERS_DIR).resolve(current.version());
        copyChampionTo(name, asChallenger);
        install(retired, modelsDir.resolve(name));
        delete(retired);
        registry.forget(name);
        return recorded(current);
    }

    private void retireChampion(String name, String former) {
        copyChampionTo(name, modelsDir.resolve(name).resolve(RETIRED_DIR).resolve(former.substring(name.length() + 1)));
    }

    /** The champion's two files, from disk or from the jar, into {@code target}. */
    private void copyChampionTo(String name, Path target) {
        try {
            Files.createDirectories(target);
            for (String file : List.of(ModelTrainer.METADATA_FILE, ModelTrainer.MODEL_FILE)) {
                Path onDisk = modelsDir.resolve(name).resolve(file);
                if (Files.isRegularFile(onDisk)) {
                    Files.copy(onDisk, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                } else {
                    try (InputStream packaged = ModelVersions.class.getClassLoader().getResourceAsStream("ml-models/" + name + "/" + file)) {
                        if (packaged == null) {
                            throw new IllegalStateException("model " + name + " has no " + file + " on disk or in the application");
                        }
                        Files.copy(packaged, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model file first, the metadata last: the registry notices a new champion by its metadata file. */
    private static void install(Path from, Path to) {
        try {
            Files.createDirectories(to);
            Files.copy(from.resolve(ModelTrainer.MODEL_FILE), to.resolve(ModelTrainer.MODEL_FILE), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(from.resolve(ModelTrainer.METADATA_FILE), to.resolve(ModelTrainer.METADATA_FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Path> dirOf(String name, String kind, String version) {
        return versionDirs(name, kind).stream().filter(dir -> metadata(dir).map(m -> recorded(m).equals(version)).orElse(false)).findFirst();
    }

    private List<Path> versionDirs(String name, String kind) {
        Path dir = modelsDir.resolve(name).resolve(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(dir)) {
            return versions.filter(v -> Files.isRegularFile(v.resolve(ModelTrainer.METADATA_FILE))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ModelMetadata> metadata(Path dir) {
        try (InputStream in = Files.newInputStream(dir.resolve(ModelTrainer.METADATA_FILE))) {
            return Optional.of(ModelRegistry.readMetadata(in));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A version as runs record it: {@code <name> <version>}. */
    public static String recorded(ModelMetadata metadata) {
        return metadata.name() + " " + metadata.version();
    }
}
