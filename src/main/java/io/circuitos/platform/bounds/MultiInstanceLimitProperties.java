package io.circuitos.platform.bounds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.deployments.limits.max-multi-instance-cardinality}: the most instances a
 * multi-instance activity may create, checked on the evaluated cardinality or collection at run time
 * (the deployment guard checks literal cardinalities against the same property).
 */
@ConfigurationProperties("circuitos.deployments.limits")
public record MultiInstanceLimitProperties(@DefaultValue("10000") int maxMultiInstanceCardinality) {
}
