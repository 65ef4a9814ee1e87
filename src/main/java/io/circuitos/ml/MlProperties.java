package io.circuitos.ml;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.ml.*}.
 *
 * @param modelsDir       directory checked for a model ({@code <models-dir>/<name>/model.json}) before the copy packaged in
 *                        the jar; relative to the working directory
 * @param recheckInterval how often a model directory is checked for a new version (dropped in without a restart)
 * @param drift           the drift watch: how many recent cases per model, and how many before a PSI is reported
 */
@ConfigurationProperties("circuitos.ml")
public record MlProperties(@DefaultValue("ml-models") Path modelsDir, @DefaultValue("PT10S") Duration recheckInterval,
                           @DefaultValue Drift drift) {

    public record Drift(@DefaultValue("1000") int window, @DefaultValue("200") int minCases) {
    }
}
