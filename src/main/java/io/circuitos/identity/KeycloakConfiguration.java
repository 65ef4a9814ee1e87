package io.circuitos.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Profile {@code keycloak}: users and groups come from Keycloak through Camunda's community identity
 * plugin (group paths as group ids, so {@code sales-reps} stays {@code sales-reps}; {@code admins} is the
 * Camunda admin group), the webapps sign on by OIDC, and the REST API takes Keycloak Bearer tokens
 * issued to the circuitos client (its audience) besides HTTP Basic checked against Keycloak.
 */
@Configuration
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
public class KeycloakConfiguration {

    public static final String REGISTRATION_ID = "keycloak";

    @Bean
    public KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin(KeycloakProperties properties) {
        KeycloakProperties keycloak = properties.requireComplete();
        KeycloakIdentityProviderPlugin plugin = new KeycloakIdentityProviderPlugin();
        plugin.setKeycloakIssuerUrl(keycloak.issuer());
        plugin.setKeycloakAdminUrl(keycloak.adminApi());
        plugin.setClientId(keycloak.clientId());
        plugin.setClientSecret(keycloak.clientSecret());
        plugin.setUseUsernameAsCamundaUserId(true);
        plugin.setUseGroupPathAsCamundaGroupId(true);
        plugin.setAdministratorGroupName(Groups.ADMINS);
        return plugin;
    }

    /** Discovered lazily, so the application starts (and says what is wrong) even while Keycloak is still booting. */
    @Bean
    public ClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        return new LazyClientRegistrationRepository(() -> ClientRegistrations.fromIssuerLocation(keycloak.issuer())
                .registrationId(REGISTRATION_ID)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .scope("openid", "profile", "email")
                .userNameAttributeName("preferred_username")
                .build());
    }

    @Bean
    public JwtDecoder keycloakJwtDecoder(KeycloakProperties keycloak) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(keycloak.issuer()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(keycloak.clientId()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(keycloak.clockSkew()),
                new JwtIssuerValidator(keycloak.issuer()), audience));
        return decoder;
    }

    /** The user is {@code preferred_username}; its groups come from the engine's identity, as for Basic. */
    @Bean
    public JwtAuthenticationConverter keycloakJwtAuthenticationConverter(@Lazy IdentityService identityService) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName("preferred_username");
        converter.setJwtGrantedAuthoritiesConverter(jwt -> EngineIdentityAuthenticationProvider
                .groupAuthorities(identityService, jwt.getClaimAsString("preferred_username")));
        return converter;
    }

    static final class LazyClientRegistrationRepository implements ClientRegistrationRepository {

        private final java.util.function.Supplier<ClientRegistration> discover;
        private volatile InMemoryClientRegistrationRepository registrations;

        LazyClientRegistrationRepository(java.util.function.Supplier<ClientRegistration> discover) {
            this.discover = discover;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (registrations == null) {
                synchronized (this) {
                    if (registrations == null) {
                        registrations = new InMemoryClientRegistrationRepository(discover.get());
                    }
                }
            }
            return registrations.findByRegistrationId(registrationId);
        }
    }
}
