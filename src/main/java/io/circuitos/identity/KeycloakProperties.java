package io.circuitos.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is (profile {@code keycloak}): {@code CIRCUITOS_KEYCLOAK_URL}, {@code CIRCUITOS_KEYCLOAK_REALM},
 * {@code CIRCUITOS_KEYCLOAK_CLIENT_ID}, {@code CIRCUITOS_KEYCLOAK_CLIENT_SECRET}; {@code clockSkew} is how much
 * older than its expiry a Bearer token may still be used.
 */
@ConfigurationProperties("circuitos.keycloak")
public record KeycloakProperties(String url, @DefaultValue("circuitos") String realm, @DefaultValue("circuitos") String clientId,
                                 String clientSecret, @DefaultValue("PT30S") Duration clockSkew) {

    public KeycloakProperties {
        url = url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Refuses to start profile keycloak with a setting missing, naming it. */
    public KeycloakProperties requireComplete() {
        require(url, "CIRCUITOS_KEYCLOAK_URL (circuitos.keycloak.url), e.g. http://localhost:8180");
        require(clientSecret, "CIRCUITOS_KEYCLOAK_CLIENT_SECRET (circuitos.keycloak.client-secret)");
        return this;
    }

    private static void require(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("profile keycloak needs " + setting);
        }
    }

    public String issuer() {
        return url + "/realms/" + realm;
    }

    public String adminApi() {
        return url + "/admin/realms/" + realm;
    }
}
