package io.circuitos.models;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.models.*}.
 *
 * @param minLabelledCases how many labelled production cases a challenger needs before an analyst may promote it
 */
@ConfigurationProperties("circuitos.models")
public record ModelsProperties(@DefaultValue("200") int minLabelledCases) {
}
