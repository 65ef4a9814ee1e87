package io.circuitos.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code circuitos.imports.parallelism}: the batches of one bulk import started at the same time. */
@ConfigurationProperties("circuitos.imports")
public record ImportProperties(@DefaultValue("4") int parallelism) {
}
