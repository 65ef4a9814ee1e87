package io.circuitos.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The one credential besides an admin's that may read {@code /actuator/prometheus}: HTTP Basic with
 * {@code circuitos.metrics.scrape-user} and {@code circuitos.metrics.scrape-password} (unset: none).
 * It grants nothing else.
 */
public class ScrapeCredential implements AuthenticationProvider {

    public static final String AUTHORITY = "SCRAPE_METRICS";

    private final String user;
    private final byte[] password;

    public ScrapeCredential(String user, String password) {
        this.user = user;
        this.password = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (password.length == 0 || !user.equals(authentication.getName()) || authentication.getCredentials() == null) {
            return null; // not the scrape credential: the next provider decides
        }
        byte[] given = authentication.getCredentials().toString().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(password, given)) {
            return null;
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
