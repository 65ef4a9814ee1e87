package io.circuitos.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * {@code /engine-rest/**} and {@code /api/**} need a user (HTTP Basic against the engine's
 * identity); webhooks are authenticated by their signature instead. The Camunda webapps keep their
 * own session login. Engine authorization then applies to REST calls as that user.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    public EngineIdentityAuthenticationProvider engineIdentityAuthenticationProvider(IdentityService identityService) {
        return new EngineIdentityAuthenticationProvider(identityService);
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, EngineIdentityAuthenticationProvider provider) throws Exception {
        // path matchers, not MVC matchers: /engine-rest is served by Jersey, not by Spring MVC
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/engine-rest/**"), paths.matcher("/api/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher("/api/webhooks/**")).permitAll()
                        .requestMatchers(paths.matcher("/api/imports/**"))
                        .hasAnyAuthority(group(Groups.ADMINS), group(Groups.SALES_MANAGERS), group(Groups.MARKETING_MANAGERS))
                        .anyRequest().authenticated())
                .httpBasic(withDefaults())
                .authenticationProvider(provider)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain webappsAndActuator(HttpSecurity http) throws Exception {
        // the webapps have their own login and CSRF protection; actuator exposes health and metrics only
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    private static String group(String id) {
        return "GROUP_" + id;
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
