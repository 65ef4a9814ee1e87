package io.circuitos.intake;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook intake configuration: one secret and rate limit per source
 * ({@code circuitos.webhooks.sources.<source>.secret}), the failed authentications a remote address
 * may make a minute ({@code failed-authentications-per-minute}), and routes from event type to process with
 * the payload fields each route reads, validates and maps to process variables.
 */
@ConfigurationProperties("circuitos.webhooks")
public record WebhookProperties(
        @DefaultValue Map<String, Source> sources,
        @DefaultValue List<Route> routes,
        @DefaultValue("60") int failedAuthenticationsPerMinute) {

    /** A source switched off ({@code enabled: false}) or without a secret is unknown (404). */
    public record Source(String secret, @DefaultValue("1000") int rateLimitPerMinute, @DefaultValue("true") boolean enabled) {

        public boolean accepts() {
            return enabled && secret != null && !secret.isBlank();
        }
    }

    /**
     * Refuses a configuration that would leave a route open or unreachable: every route names its
     * sources, and every source a route names has a secret unless it is switched off explicitly.
     */
    public void check() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /** Everything {@link #check()} refuses, each naming the setting to fix (all of them, for one clear answer at start). */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        java.util.Set<String> unsetSources = new java.util.HashSet<>();
        for (Route route : routes) {
            problem(problems, () -> checkLimits(route));
            problem(problems, () -> checkActiveRunPolicy(route));
            if (route.sources().isEmpty()) {
                problems.add("webhook route " + route.type() + " names no sources: set circuitos.webhooks.routes[].sources");
            }
            for (String name : route.sources()) {
                Source source = sources.get(name);
                if ((source == null || source.enabled()) && (source == null || !source.accepts()) && unsetSources.add(name)) {
                    problems.add("webhook source '" + name + "' (route " + route.type() + ") has no secret: set "
                            + "CIRCUITOS_WEBHOOKS_SOURCES_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_SECRET"
                            + ", or switch the source off with circuitos.webhooks.sources." + name + ".enabled=false");
                }
            }
        }
        return problems;
    }

    private static void problem(List<String> problems, Runnable check) {
        try {
            check.run();
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
    }

    private static void checkActiveRunPolicy(Route route) {
        if (route.onActiveRun() != null && route.handler() != null) {
            throw new IllegalStateException("webhook route " + route.type() + ": on-active-run applies to runs, but the route has handler "
                    + route.handler() + " and starts none; remove on-active-run");
        }
        if (route.onActiveRun() == ActiveRunPolicy.CORRELATE && route.message() == null) {
            throw new IllegalStateException("webhook route " + route.type() + ": on-active-run correlate needs the message to correlate: set message");
        }
        if (route.handler() == null && route.businessKey() == null) {
            throw new IllegalStateException("webhook route " + route.type() + " names no business-key: set circuitos.webhooks.routes[].business-key");
        }
    }

    private static void checkLimits(Route route) {
        for (FieldMapping field : route.fields()) {
            boolean text = field.type() == FieldType.STRING || field.type() == FieldType.EMAIL;
            int limit = field.name().equals(route.businessKey()) ? IntakeLimits.BUSINESS_KEY_MAX_LENGTH : IntakeLimits.TEXT_MAX_LENGTH;
            if (text && (field.name().equals(route.businessKey()) ? field.maxLength() == null || field.maxLength() > limit
                    : field.maxLength() != null && field.maxLength() > limit)) {
                throw new IllegalStateException("webhook route " + route.type() + ": field " + field.name() + " needs max-length ≤ " + limit
                        + (limit == IntakeLimits.BUSINESS_KEY_MAX_LENGTH ? " (it is the business key)" : " (the engine's text variables)"));
            }
        }
    }

    /**
     * @param type        event {@code type} this route handles, e.g. {@code opportunity.closed_lost}
     * @param processKey  process definition key started for it (or, with {@code message}, the process it continues)
     * @param message     when set, the event is correlated as this BPMN message: to the running instance
     *                    with the business key, or to a message start event, which starts one with that key
     * @param handler     when set, the event is applied by this {@link EventHandler} instead (no process)
     * @param businessKey name of the field that becomes (or finds) the business key
     * @param sources     sources allowed to send this type (required)
     * @param fields      payload fields, each mapped to a process variable of the same name
     * @param onActiveRun what an event does when its business key already has an active run of {@code processKey}:
     *                    {@code ignore}, {@code correlate} (needs {@code message}) or {@code start}; unset, a route
     *                    with a message correlates and one without ignores (no second run by accident)
     */
    public record Route(String type, String processKey, String message, String handler, String businessKey, @DefaultValue List<String> sources,
                        @DefaultValue List<FieldMapping> fields, ActiveRunPolicy onActiveRun) {

        /** The policy in force: the configured one, else the default by the route's shape; null for a handler route (no run). */
        public ActiveRunPolicy activeRunPolicy() {
            if (handler != null) {
                return null;
            }
            if (onActiveRun != null) {
                return onActiveRun;
            }
            return message != null ? ActiveRunPolicy.CORRELATE : ActiveRunPolicy.IGNORE;
        }
    }

    /**
     * @param name     process variable name
     * @param path     dotted path in the event, e.g. {@code data.contact.email}
     * @param type     {@code string}, {@code number}, {@code integer}, {@code boolean} or {@code email}
     * @param required whether the event is rejected without it
     * @param min      inclusive lower bound for numbers
     * @param max      inclusive upper bound for numbers
     * @param values   the only accepted values of a text field, when set
     * @param defaultValue used when an optional field is absent (so decision tables always see the variable)
     * @param personal whether the field is customer contact data or free text: shown to analysts as redacted
     *                 ({@code io.circuitos.privacy.PersonalData})
     */
    public record FieldMapping(String name, String path, @DefaultValue("string") FieldType type, boolean required,
                               Double min, Double max, Integer maxLength, @DefaultValue List<String> values, String defaultValue,
                               boolean personal) {

        @ConstructorBinding
        public FieldMapping {
        }

        /** A field that is not personal data. */
        public FieldMapping(String name, String path, FieldType type, boolean required, Double min, Double max, Integer maxLength,
                            List<String> values, String defaultValue) {
            this(name, path, type, required, min, max, maxLength, values, defaultValue, false);
        }
    }

    public enum FieldType { STRING, NUMBER, INTEGER, BOOLEAN, EMAIL }
}
