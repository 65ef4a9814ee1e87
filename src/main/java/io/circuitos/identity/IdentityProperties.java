package io.circuitos.identity;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in on the built-in identity and read what: {@code circuitos.identity.*} and the Prometheus scrape login
 * {@code circuitos.metrics.scrape-user} / {@code scrape-password}. Keycloak's settings are {@link KeycloakProperties}
 * (profile {@code keycloak} only).
 */
@ConfigurationProperties("circuitos")
public record IdentityProperties(@DefaultValue Identity identity, @DefaultValue Metrics metrics) {

    /**
     * @param createGroups whether the seven groups and their authorizations are created on the engine's identity (off
     *                     when Keycloak holds them)
     * @param demoUsers    whether the demo users (password = user name) are created: the embedded default only
     * @param initialAdmin the first administrator, created once if missing ({@code CIRCUITOS_ADMIN_USER}, {@code _PASSWORD})
     * @param requireAdmin whether a start without any administrator is refused
     * @param runReaders   group → the agents (process keys) whose decision trail it reads, besides managers, analysts and admins
     */
    public record Identity(@DefaultValue("true") boolean createGroups, boolean demoUsers, @DefaultValue InitialAdmin initialAdmin,
                           boolean requireAdmin, @DefaultValue Map<String, List<String>> runReaders) {
    }

    public record InitialAdmin(@DefaultValue("") String user, @DefaultValue("") String password) {
    }

    /** @param scrapeUser the Basic login Prometheus reads {@code /actuator/prometheus} with; no password: admins only */
    public record Metrics(@DefaultValue("prometheus") String scrapeUser, @DefaultValue("") String scrapePassword) {
    }
}
