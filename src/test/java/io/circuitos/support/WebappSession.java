package io.circuitos.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Signed in to a Camunda webapp as its pages are: the CSRF cookie first, then the login form; requests carry the token. */
public final class WebappSession {

    private final String baseUrl;
    private final HttpClient browser;
    private final CookieManager cookies;

    private WebappSession(String baseUrl, HttpClient browser, CookieManager cookies) {
        this.baseUrl = baseUrl;
        this.browser = browser;
        this.cookies = cookies;
    }

    /** {@code app}: tasklist, cockpit or admin; the user's password is the demo one (the user name). */
    public static WebappSession signIn(String baseUrl, String app, String user) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).build(), HttpResponse.BodyHandlers.discarding());
        String csrf = csrf(cookies);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(user + " signs in to " + app + ": " + login.body()).isEqualTo(200);
        // the sign-in renews the session and with it the token: the page hands out the new one
        browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).build(), HttpResponse.BodyHandlers.discarding());
        return new WebappSession(baseUrl, browser, cookies);
    }

    private static String csrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName())).map(HttpCookie::getValue)
                .reduce((first, last) -> last).orElse("");
    }

    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
