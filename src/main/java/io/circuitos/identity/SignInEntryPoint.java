package io.circuitos.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Who is not signed in on circuitos' own pages: a browser (asks for HTML, sends no credentials) is
 * sent to sign in and comes back afterwards; any other caller gets 401 with a Basic challenge.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint browsers;
    private final BasicAuthenticationEntryPoint others = new BasicAuthenticationEntryPoint();

    SignInEntryPoint(AuthenticationEntryPoint browsers) {
        this.browsers = browsers;
        others.setRealmName("circuitos");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean browser = request.getHeader(HttpHeaders.AUTHORIZATION) == null && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        (browser ? browsers : others).commence(request, response, failure);
    }

    /** The embedded default: circuitos' sign-in page, told where to return. */
    static AuthenticationEntryPoint signInPage() {
        return (request, response, failure) -> response.sendRedirect(request.getContextPath() + SignInController.PATH + "?return="
                + java.net.URLEncoder.encode(ReturnPath.of(request), java.nio.charset.StandardCharsets.UTF_8));
    }
}
