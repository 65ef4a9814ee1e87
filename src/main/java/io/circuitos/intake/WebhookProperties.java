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
 * make a minute ({@code failed-authentications-per-minute}, default 60). The routes are not settings: they live in
 * {@code routes/<agent>.yaml} ({@link RouteCatalogue}).
 */
@ConfigurationProperties("circuitos.webhooks")
public record WebhookProperties(
        @DefaultValue Map<String, Source> sources,
        @DefaultValue("60") int failedAuthenticationsPerMinute) {

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
