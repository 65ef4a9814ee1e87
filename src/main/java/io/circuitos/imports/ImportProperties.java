package io.circuitos.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.imports.parallelism}: the batches of one bulk import started at the same time;
 * {@code circuitos.imports.batch-size}: the rows started in one transaction.
 */
@ConfigurationProperties("circuitos.imports")
public record ImportProperties(@DefaultValue("4") int parallelism, @DefaultValue("50") int batchSize) {
}
