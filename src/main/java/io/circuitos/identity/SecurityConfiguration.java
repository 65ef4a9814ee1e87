package io.circuitos.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import io.circuitos.web.HtmlPage;
import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * {@code /engine-rest/**} and {@code /api/**} need a user: HTTP Basic against the engine's identity
 * (built-in or Keycloak) and, on profile {@code keycloak}, Keycloak Bearer tokens; webhooks are
 * authenticated by their signature instead. Engine authorization then applies to REST calls as that
 * user. The webapps keep their own login on the built-in identity and sign on through Keycloak (OIDC)
 * on profile {@code keycloak}. Camunda Admin's first-admin setup endpoint is closed on every profile.
 */
@Configuration
public class SecurityConfiguration {

    static final String GROUP_PREFIX = "GROUP_";
    static final String SETUP_ENDPOINT = "/camunda/api/admin/setup/**";
    static final String WEBAPP_LOGOUT = "/camunda/logout";
    static final String TRAIL_PAGES = "/trace/**";
    static final String OWN_STATIC = "/circuitos/**";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    public EngineIdentityAuthenticationProvider engineIdentityAuthenticationProvider(IdentityService identityService) {
        return new EngineIdentityAuthenticationProvider(identityService);
    }

    /** {@code hasRole("admins")} and the actuator's {@code roles} read groups: authorities are {@code GROUP_<group id>}. */
    @Bean
    public static GrantedAuthorityDefaults grantedAuthorityDefaults() {
        return new GrantedAuthorityDefaults(GROUP_PREFIX);
    }

    /**
     * Webhook deliveries authenticate by their signature, checked by the intake: their chain holds no user
     * authentication, session, request cache or logout, which would only cost CPU on the busiest path.
     */
    @Bean
    @Order(0)
    public SecurityFilterChain webhookDeliveries(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATHS.matcher(org.springframework.http.HttpMethod.POST, "/api/webhooks/*"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, EngineIdentityAuthenticationProvider provider,
                                           ObjectProvider<JwtDecoder> bearerTokens, ObjectProvider<JwtAuthenticationConverter> tokenUsers)
            throws Exception {
        // path matchers, not MVC matchers: /engine-rest is served by Jersey, not by Spring MVC
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/engine-rest/**"), PATHS.matcher("/api/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PATHS.matcher(org.springframework.http.HttpMethod.GET, "/api/webhooks/*/deliveries/**"))
                        .hasAnyAuthority(group(Groups.ADMINS), group(Groups.ANALYSTS), group(Groups.SALES_MANAGERS), group(Groups.SUPPORT_LEADS),
                                group(Groups.MARKETING_MANAGERS))
                        .requestMatchers(PATHS.matcher("/api/webhooks/**")).permitAll()
                        .requestMatchers(PATHS.matcher("/api/imports/**"))
                        .hasAnyAuthority(group(Groups.ADMINS), group(Groups.SALES_MANAGERS), group(Groups.MARKETING_MANAGERS))
                        .requestMatchers(PATHS.matcher("/api/deployments/**"), PATHS.matcher("/api/decisions/**"))
                        .hasAnyAuthority(group(Groups.ADMINS), group(Groups.ANALYSTS))
                        .requestMatchers(PATHS.matcher(org.springframework.http.HttpMethod.POST, "/api/agents/*/cases/**"))
                        .hasAnyAuthority(group(Groups.ADMINS), group(Groups.ANALYSTS))
                        .requestMatchers(PATHS.matcher(org.springframework.http.HttpMethod.POST, "/api/models/**"))
                        .hasAnyAuthority(group(Groups.ADMINS), group(Groups.ANALYSTS))
                        .requestMatchers(PATHS.matcher("/api/models/**"))
                        .hasAnyAuthority(group(Groups.ADMINS), group(Groups.ANALYSTS), group(Groups.SALES_MANAGERS), group(Groups.SUPPORT_LEADS),
                                group(Groups.MARKETING_MANAGERS))
                        .anyRequest().authenticated());
        return statelessBasicAndBearer(http, provider, bearerTokens, tokenUsers);
    }

    /** Health answers its status to everyone and its details to admins (Basic or Bearer). */
    @Bean
    @Order(2)
    public SecurityFilterChain actuatorSecurity(HttpSecurity http, EngineIdentityAuthenticationProvider provider,
                                                ObjectProvider<JwtDecoder> bearerTokens, ObjectProvider<JwtAuthenticationConverter> tokenUsers,
                                                IdentityProperties identity) throws Exception {
        http.securityMatcher(PATHS.matcher("/actuator/**"))
                .authenticationProvider(new ScrapeCredential(identity.metrics().scrapeUser(), identity.metrics().scrapePassword()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**"), PATHS.matcher("/actuator/info"))
                        .permitAll()
                        .requestMatchers(PATHS.matcher("/actuator/prometheus"))
                        .hasAnyAuthority(group(Groups.ADMINS), ScrapeCredential.AUTHORITY)
                        .anyRequest().hasAuthority(group(Groups.ADMINS)));
        return statelessBasicAndBearer(http, provider, bearerTokens, tokenUsers);
    }

    /** The trail page's sign-in for browsers on the engine's identity: circuitos' sign-in page, then back. */
    @Bean
    @Order(3)
    @Profile("!keycloak")
    public SecurityFilterChain ownPages(HttpSecurity http, EngineIdentityAuthenticationProvider provider, ProcessEngine engine,
                                        ObjectProvider<JwtDecoder> bearerTokens, ObjectProvider<JwtAuthenticationConverter> tokenUsers)
            throws Exception {
        http.requestCache(cache -> cache.requestCache(new NullRequestCache())); // the sign-in page is told where to return
        return ownPages(http, provider, engine, bearerTokens, tokenUsers, SignInEntryPoint.signInPage());
    }

    /** On Keycloak a browser signs in through Keycloak's login page and comes back to the saved request. */
    @Bean
    @Order(3)
    @Profile("keycloak")
    public SecurityFilterChain ownPagesWithKeycloak(HttpSecurity http, EngineIdentityAuthenticationProvider provider, ProcessEngine engine,
                                                    ObjectProvider<JwtDecoder> bearerTokens,
                                                    ObjectProvider<JwtAuthenticationConverter> tokenUsers) throws Exception {
        return ownPages(http, provider, engine, bearerTokens, tokenUsers,
                new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + KeycloakConfiguration.REGISTRATION_ID));
    }

    /**
     * circuitos' own pages ({@code /trace/**}, the sign-in page, their style sheet) take the callers of
     * the JSON trail: the webapps' session (Tasklist's login, or Keycloak's sign-on kept by Spring
     * Security), HTTP Basic and, on profile keycloak, Bearer tokens; pages carry a strict
     * Content-Security-Policy. CSRF protection stays on (the sign-in form posts).
     */
    private static SecurityFilterChain ownPages(HttpSecurity http, EngineIdentityAuthenticationProvider provider, ProcessEngine engine,
                                                ObjectProvider<JwtDecoder> bearerTokens, ObjectProvider<JwtAuthenticationConverter> tokenUsers,
                                                AuthenticationEntryPoint browsers) throws Exception {
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher(TRAIL_PAGES), PATHS.matcher(SignInController.PATH),
                        PATHS.matcher(OWN_STATIC)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PATHS.matcher(SignInController.PATH), PATHS.matcher(OWN_STATIC)).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new SignInEntryPoint(browsers)))
                .authenticationProvider(provider)
                .addFilterAfter(new WebappSessionAuthenticationFilter(engine.getName()), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInEntryPoint(browsers)))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(HtmlPage.CONTENT_SECURITY_POLICY)));
        JwtDecoder decoder = bearerTokens.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(tokenUsers.getObject()))
                    .authenticationEntryPoint(new SignInEntryPoint(browsers)));
        }
        return http.build();
    }

    @Bean
    @Order(4)
    @Profile("!keycloak")
    public SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        // the webapps have their own login and CSRF protection
        return http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PATHS.matcher(SETUP_ENDPOINT)).denyAll()
                        .anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .logout(logout -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.GET, WEBAPP_LOGOUT))
                        .logoutSuccessUrl("/camunda/app/"))
                .build();
    }

    @Bean
    @Order(4)
    @Profile("keycloak")
    public SecurityFilterChain webappsWithKeycloak(HttpSecurity http, ClientRegistrationRepository clients) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(clients);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/camunda/app/");
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(clients,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PATHS.matcher(SETUP_ENDPOINT)).denyAll()
                        .requestMatchers(PATHS.matcher("/camunda/**"), PATHS.matcher("/")).authenticated()
                        .anyRequest().permitAll())
                // straight to Keycloak's login page (the registration is discovered lazily, so Spring cannot list it)
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + KeycloakConfiguration.REGISTRATION_ID)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce)))
                // the webapps keep their own CSRF protection for /camunda/api
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .logout(logout -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.GET, WEBAPP_LOGOUT))
                        .logoutSuccessHandler(endKeycloakSession))
                .build();
    }

    /** The webapps take the user the OIDC login signed in; registered after Spring Security's filter chain. */
    @Bean
    @Profile("keycloak")
    public FilterRegistrationBean<Filter> webappSingleSignOn() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityWebappAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    /** HTTP Basic against the engine's identity and, on profile keycloak, Bearer tokens; no session, no CSRF (no cookies). */
    private static SecurityFilterChain statelessBasicAndBearer(HttpSecurity http, EngineIdentityAuthenticationProvider provider,
                                                               ObjectProvider<JwtDecoder> bearerTokens,
                                                               ObjectProvider<JwtAuthenticationConverter> tokenUsers) throws Exception {
        http.httpBasic(withDefaults())
                .authenticationProvider(provider)
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(SecurityConfiguration::explainDenial))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        JwtDecoder decoder = bearerTokens.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(tokenUsers.getObject())));
        }
        return http.build();
    }

    /** A 403 that says who may not do what, in the shape of the API's other answers, instead of a bare "Forbidden". */
    private static void explainDenial(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                      org.springframework.security.access.AccessDeniedException denied) throws java.io.IOException {
        java.security.Principal user = request.getUserPrincipal();
        response.setStatus(403);
        response.setContentType("application/json");
        com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.put("status", 403);
        body.put("error", (user == null ? "you" : user.getName()) + " may not " + request.getMethod() + " " + request.getRequestURI()
                + ": your groups do not allow it (docs/security.md, \"Groups and what they may do\")");
        response.getWriter().write(body.toString());
    }

    private static String group(String id) {
        return GROUP_PREFIX + id;
    }

    /** Hands the authenticated user and groups to the engine, so its authorizations apply to REST calls. */
    @Bean
    public FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
