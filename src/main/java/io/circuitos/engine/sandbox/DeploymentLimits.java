package io.circuitos.engine.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.deployments.limits.*}: how big and how deep an analyst's deployment may be, checked before
 * the engine parses anything, and the run bounds that can be read off the files (multi-instance cardinality,
 * timer cycles). The defaults leave the shipped agents far inside them. Bound as part of
 * {@code io.circuitos.engine.EngineProperties}.
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

    private static final String PREFIX = "circuitos.deployments.limits";

    /** The defaults above, for a guard built without settings (tests, the check of shipped resources). */
    public static DeploymentLimits defaults() {
        return new Binder().bindOrCreate(PREFIX, DeploymentLimits.class);
    }

    /** The property an operator sets, for refusal messages. */
    static String property(String name) {
        return PREFIX + "." + name;
    }
}
