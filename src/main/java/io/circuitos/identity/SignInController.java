package io.circuitos.identity;

import io.circuitos.web.HtmlPage;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /signin} on the engine's identity (not on profile {@code keycloak}, where Keycloak's login
 * page does this): a browser sent to sign in before reading a trail page signs in here and returns
 * to the page. It signs in to the webapps the way Tasklist's login does (a fresh web session holding
 * the webapps' authentication), so Tasklist and Cockpit are signed in too.
 */
@RestController
@Profile("!keycloak")
public class SignInController {

    static final String PATH = "/signin";
    private static final int MAX_FIELD = 255;

    private final ProcessEngine engine;

    public SignInController(ProcessEngine engine) {
        this.engine = engine;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@RequestParam(name = "return", required = false) String back, CsrfToken csrf) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(form(ReturnPath.safe(back), csrf, null));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> signIn(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                                         @RequestParam(name = "return", required = false) String back, CsrfToken csrf,
                                         HttpServletRequest request) {
        String target = ReturnPath.safe(back);
        for (String[] field : new String[][] {{"username", username}, {"password", password}}) {
            if (field[1] == null || field[1].isBlank() || field[1].length() > MAX_FIELD) {
                return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                        .body(form(target, csrf, field[0] + " is required (1 to " + MAX_FIELD + " characters)"));
            }
        }
        engine.getIdentityService().clearAuthentication();
        if (!engine.getIdentityService().checkPassword(username, password)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_HTML)
                    .body(form(target, csrf, "wrong user name or password"));
        }
        AuthenticationUtil.revalidateSession(request, AuthenticationUtil.createAuthentication(engine, username));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(request.getContextPath() + target)).build();
    }

    private static String form(String back, CsrfToken csrf, String error) {
        return HtmlPage.of("Sign in to circuitos", "<h1>Sign in to circuitos</h1>"
                + (error == null ? "" : "<p class=\"error\">" + HtmlPage.escape(error) + "</p>")
                + "<form class=\"signin\" method=\"post\" action=\"" + PATH + "\">"
                + "<label>User name <input name=\"username\" autocomplete=\"username\" required maxlength=\"" + MAX_FIELD + "\"></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\""
                + MAX_FIELD + "\"></label>"
                + "<input type=\"hidden\" name=\"return\" value=\"" + HtmlPage.escape(back) + "\">"
                + "<input type=\"hidden\" name=\"" + HtmlPage.escape(csrf.getParameterName()) + "\" value=\"" + HtmlPage.escape(csrf.getToken()) + "\">"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p class=\"muted\">Then you go on to <code>" + HtmlPage.escape(back) + "</code>. The same login as "
                + "<a href=\"" + ReturnPath.DEFAULT + "\">Tasklist</a>.</p>");
    }
}
