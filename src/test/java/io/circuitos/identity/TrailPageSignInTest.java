package io.circuitos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.web.HtmlPage;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A browser that opens a trail page without being signed in is sent to circuitos' sign-in page and
 * comes back to the page afterwards; the sign-in refuses what it must (no CSRF token, a wrong
 * password, a missing field) with a clear status, and never returns to another host. circuitos'
 * own pages carry the strict Content-Security-Policy and need nothing inline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TrailPageSignInTest {

    private static final String PAGE = "/trace/lost-opportunity/OPP-NOT-THERE";

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aBrowserSignsInAndComesBackToTheTrailPage() throws Exception {
        HttpResponse<String> first = open(PAGE);
        assertThat(first.statusCode()).isEqualTo(302);
        String signIn = first.headers().firstValue("Location").orElseThrow();
        assertThat(signIn).endsWith("/signin?return=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8));

        HttpResponse<String> form = open(signIn);
        assertThat(form.statusCode()).isEqualTo(200);
        assertStrictPage(form);
        assertThat(form.body()).contains("name=\"return\" value=\"" + PAGE + "\"");

        assertThat(post("username=rep&password=rep&return=" + PAGE, null).statusCode()).as("no CSRF token").isEqualTo(403);
        // another user: the engine delays the next sign-in of a user after a wrong password
        HttpResponse<String> wrong = post("username=analyst&password=nope&return=" + PAGE, token(form.body()));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("wrong user name or password");
        HttpResponse<String> missing = post("password=rep&return=" + PAGE, token(wrong.body()));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("username is required");

        HttpResponse<String> signedIn = post("username=rep&password=rep&return=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8),
                token(missing.body()));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue(PAGE);
        HttpResponse<String> back = open(PAGE);
        assertThat(back.statusCode()).as("signed in: the page answers (no such run)").isEqualTo(404);
        assertThat(back.body()).contains("No run of lost-opportunity with business key OPP-NOT-THERE");
        assertStrictPage(back);
        // the page read the user from the webapps' own authentication in the session, the one Tasklist reads
        assertThat(open("/trace/support-escalation/HD-NOT-THERE").statusCode()).as("rep may not read support runs").isEqualTo(403);
    }

    @Test
    void theSignInNeverReturnsToAnotherHost() throws Exception {
        HttpResponse<String> form = open("/signin?return=" + URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8));
        assertThat(form.body()).contains("name=\"return\" value=\"/camunda/app/tasklist/\"");
        HttpResponse<String> signedIn = post("username=manager&password=manager&return=" + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8),
                token(form.body()));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/camunda/app/tasklist/");
    }

    @Test
    void theStyleSheetIsAFileAndApiCallersGetABasicChallenge() throws Exception {
        HttpResponse<String> css = open(HtmlPage.STYLE_SHEET);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.body()).contains("tr.matched");
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + PAGE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"circuitos\"");
    }

    private static void assertStrictPage(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(HtmlPage.CONTENT_SECURITY_POLICY);
        assertThat(HtmlPage.CONTENT_SECURITY_POLICY).contains("default-src 'self'").contains("script-src 'none'")
                .contains("frame-ancestors 'self'").doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("<script").doesNotContain("style=").doesNotContain("<style")
                .contains("<link rel=\"stylesheet\" href=\"" + HtmlPage.STYLE_SHEET + "\">");
    }

    private HttpResponse<String> open(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String form, String csrf) throws Exception {
        String body = csrf == null ? form : form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(base() + "/signin")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return token.group(1);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
