package io.circuitos.engine.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.deployments.limits.*}: how big and how deep an analyst's deployment may be, checked before
 * the engine parses anything, and the run bounds that can be read off the files (multi-instance cardinality,
 * timer cycles). The defaults leave the shipped agents far inside them.
 *
 * @param maxResourceBytes            bytes of one resource
 * @param maxDeploymentBytes          bytes of all resources of one deployment (also the upload size)
 * @param maxElements                 XML elements in one BPMN or DMN file
 * @param maxDepth                    nesting depth of XML elements (and of form components)
 * @param maxAttributeLength          characters of one attribute value (ids, names, expressions)
 * @param maxTextLength               characters of one element's text
 * @param maxRulesPerTable            rules of one DMN decision table
 * @param maxMultiInstanceCardinality instances of one multi-instance activity
 * @param minTimerCycle               shortest interval of a repeating timer
 */
@ConfigurationProperties("circuitos.deployments.limits")
public record DeploymentLimits(
        @DefaultValue("2097152") long maxResourceBytes,
        @DefaultValue("8388608") long maxDeploymentBytes,
        @DefaultValue("20000") int maxElements,
        @DefaultValue("64") int maxDepth,
        @DefaultValue("16384") int maxAttributeLength,
        @DefaultValue("65536") int maxTextLength,
        @DefaultValue("2000") int maxRulesPerTable,
        @DefaultValue("10000") int maxMultiInstanceCardinality,
        @DefaultValue("PT5M") Duration minTimerCycle) {

    public static DeploymentLimits defaults() {
        return new DeploymentLimits(2_097_152, 8_388_608, 20_000, 64, 16_384, 65_536, 2_000, 10_000, Duration.ofMinutes(5));
    }

    /** The property an operator sets, for refusal messages. */
    static String property(String name) {
        return "circuitos.deployments.limits." + name;
    }
}
