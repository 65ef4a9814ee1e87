package io.circuitos.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.webhooks.*}: one secret and rate limit per source ({@code circuitos.webhooks.sources.<source>.secret},
 * {@code .rate-limit-per-minute}, default 1000, {@code .enabled}), and the failed authentications a remote address may
 * make a minute ({@code failed-authentications-per-minute}, default 60), and the durable inbox ({@code inbox.*}).
 * The routes are not settings: they live in {@code routes/<agent>.yaml} ({@link RouteCatalogue}).
 */
@ConfigurationProperties("circuitos.webhooks")
public record WebhookProperties(
        @DefaultValue Map<String, Source> sources,
        @DefaultValue("60") int failedAuthenticationsPerMinute,
        @DefaultValue Inbox inbox) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public WebhookProperties {
    }

    public WebhookProperties(Map<String, Source> sources, int failedAuthenticationsPerMinute) {
        this(sources, failedAuthenticationsPerMinute, Inbox.DEFAULTS);
    }

    /**
     * The durable inbox ({@code circuitos.webhooks.inbox.*}): routes that start a run store the delivery and answer 202;
     * the drainer starts {@code batch-size} deliveries per engine command. Deeper than {@code max-depth} queued
     * deliveries, the intake answers 429 with Retry-After. A start that fails is tried again after 1, 2, 4 … seconds
     * (at most {@code max-backoff}), {@code max-attempts} times in all, then kept as failed. {@code poll-interval}: how
     * often a node looks for deliveries another node stored. {@code enabled: false}: every route starts in its request.
     * {@code drain: false}: this node stores deliveries but leaves starting them to the other nodes.
     */
    public record Inbox(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean drain, @DefaultValue("250") int batchSize,
                        @DefaultValue("20000") int maxDepth, @DefaultValue("500ms") java.time.Duration pollInterval,
                        @DefaultValue("8") int maxAttempts, @DefaultValue("5m") java.time.Duration maxBackoff) {

        static final Inbox DEFAULTS = new Inbox(true, true, 250, 20000, java.time.Duration.ofMillis(500), 8, java.time.Duration.ofMinutes(5));

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (batchSize < 1 || batchSize > 1000) {
                problems.add("circuitos.webhooks.inbox.batch-size must be 1 to 1000, not " + batchSize);
            }
            if (maxDepth < 1) {
                problems.add("circuitos.webhooks.inbox.max-depth must be at least 1, not " + maxDepth);
            }
            if (maxAttempts < 1) {
                problems.add("circuitos.webhooks.inbox.max-attempts must be at least 1, not " + maxAttempts);
            }
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                problems.add("circuitos.webhooks.inbox.poll-interval must be positive");
            }
            return problems;
        }
    }

    /** A source switched off ({@code enabled: false}) or without a secret is unknown (404). */
    public record Source(String secret, @DefaultValue("1000") int rateLimitPerMinute, @DefaultValue("true") boolean enabled) {

        public boolean accepts() {
            return enabled && secret != null && !secret.isBlank();
        }
    }

    /**
     * Refuses a configuration that would leave a route open or unreachable: the routes' own problems
     * ({@link RouteCatalogue#problems()}), and every source a route names has a secret unless it is switched off.
     */
    public void check(RouteCatalogue routes) {
        List<String> problems = problems(routes);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /** Everything {@link #check} refuses, each naming the setting or route file to fix (all of them, for one clear answer at start). */
    public List<String> problems(RouteCatalogue routes) {
        List<String> problems = new ArrayList<>(routes.problems());
        problems.addAll(inbox.problems());
        Set<String> unsetSources = new HashSet<>();
        for (Route route : routes.routes()) {
            for (String name : route.sources()) {
                Source source = sources.get(name);
                if ((source == null || source.enabled()) && (source == null || !source.accepts()) && unsetSources.add(name)) {
                    problems.add("webhook source '" + name + "' (route " + route.type() + ") has no secret: set "
                            + "CIRCUITOS_WEBHOOKS_SOURCES_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET"
                            + ", or switch the source off with circuitos.webhooks.sources." + name + ".enabled=false");
                }
            }
        }
        return problems;
    }
}
