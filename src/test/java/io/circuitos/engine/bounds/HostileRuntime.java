package io.circuitos.engine.bounds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;

/** The hostile processes and decisions of {@code src/test/resources/hostile-runtime/} (see its corpus.csv). */
final class HostileRuntime {

    static final Path DIR = Path.of("src/test/resources/hostile-runtime");

    private HostileRuntime() {
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deployed with the Java API and no user: the deployment guard does not look, as for a trusted deployer. */
    static String deployTrusted(RepositoryService repository, String file) {
        return repository.createDeployment().name(file).addInputStream(file, new java.io.ByteArrayInputStream(bytes(file))).deploy().getId();
    }
}
