package io.circuitos.identity;

import jakarta.servlet.http.HttpServletRequest;

/** Where a sign-in returns to: a path on this server only, never another host (no open redirect). */
final class ReturnPath {

    static final String DEFAULT = "/camunda/app/tasklist/";
    private static final int MAX_LENGTH = 2048;

    private ReturnPath() {
    }

    /** The path and query of this request, without the context path. */
    static String of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /** {@code requested} when it is a local path, else Tasklist. */
    static String safe(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH || !requested.startsWith("/")
                || requested.startsWith("//") || requested.startsWith("/\\") || requested.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return DEFAULT;
        }
        try {
            java.net.URI uri = new java.net.URI(requested);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? requested : DEFAULT;
        } catch (java.net.URISyntaxException notAPath) {
            return DEFAULT;
        }
    }
}
