package io.circuitos.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For circuitos' own pages: the user signed in to the webapps (Tasklist's login on the engine's
 * identity keeps its user and groups in the web session, not in Spring Security) becomes the
 * request's user with {@code GROUP_<id>} authorities, unless Basic or Bearer already named one.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private final String engineName;

    public WebappSessionAuthenticationFilter(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if ((current == null || current instanceof AnonymousAuthenticationToken) && session != null
                && AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
            List<GrantedAuthority> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds().stream()
                    .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(SecurityConfiguration.GROUP_PREFIX + id)).toList();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
