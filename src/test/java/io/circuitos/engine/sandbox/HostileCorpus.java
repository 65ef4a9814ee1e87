package io.circuitos.engine.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hostile deployments of {@code src/test/resources/hostile-deployments/} and what each refusal must say. */
public record HostileCorpus(String file, String elementId, String words) {

    public static final Path DIR = Path.of("src/test/resources/hostile-deployments");

    public static Stream<HostileCorpus> all() {
        try {
            List<String> lines = Files.readAllLines(DIR.resolve("corpus.csv"));
            return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\|", -1))
                    .map(p -> new HostileCorpus(p[0], p[1].isEmpty() ? null : p[1], p[2]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] content() {
        try {
            return Files.readAllBytes(DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file;
    }
}
