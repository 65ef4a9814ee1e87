package io.circuitos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.KeycloakServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code keycloak} against a real Keycloak 26 with the repository's realm: sign-on through
 * Keycloak's own login page into Tasklist, Bearer tokens and Basic on the REST API, the engine's
 * authorizations for the Keycloak user and groups, refusals of bad credentials and foreign tokens, logout.
 */
@Tag("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "keycloak"})
class KeycloakIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static KeycloakServer keycloak;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ProcessEngine engine;

    private String salesTask;
    private String supportTask;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry properties) {
        keycloak = KeycloakServer.get();
        properties.add("circuitos.keycloak.url", keycloak::url);
        properties.add("circuitos.keycloak.client-secret", () -> KeycloakServer.CLIENT_SECRET);
        properties.add("circuitos.keycloak.clock-skew", () -> "PT0S");
    }

    @BeforeAll
    static void anotherClientAndAnotherRealm() {
        keycloak = KeycloakServer.get();
        assertThat(keycloak.admin("POST", "/circuitos/clients",
                "{\"clientId\": \"other-app\", \"publicClient\": true, \"directAccessGrantsEnabled\": true}")).isIn(201, 409);
        assertThat(keycloak.admin("POST", "", "{\"realm\": \"elsewhere\", \"enabled\": true, "
                + "\"clients\": [{\"clientId\": \"circuitos\", \"publicClient\": true, \"directAccessGrantsEnabled\": true}], "
                + "\"users\": [{\"username\": \"rep\", \"enabled\": true, \"email\": \"rep@elsewhere.example\", \"firstName\": \"R\", "
                + "\"lastName\": \"E\", \"credentials\": [{\"type\": \"password\", \"value\": \"rep\", \"temporary\": false}]}]}")).isIn(201, 409);
    }

    @BeforeEach
    void oneSalesTaskAndOneSupportTask() {
        // the REST API serves the engine registered as "default" last; other test contexts of this JVM register theirs too
        ProcessEngines.registerProcessEngine(engine);
        if (salesTask == null) {
            keycloak.allowRedirectsTo(port);
            salesTask = task("Call back (keycloak test)", Groups.SALES_REPS);
            supportTask = task("Answer ticket (keycloak test)", Groups.SUPPORT_AGENTS);
        }
    }

    @Test
    void aBearerTokenReadsTasksAsItsKeycloakUserWithItsKeycloakGroups() throws Exception {
        assertThat(taskIds(get("/engine-rest/task", "Bearer " + keycloak.accessToken("rep")))).contains(salesTask).doesNotContain(supportTask);
        assertThat(taskIds(get("/engine-rest/task", "Bearer " + keycloak.accessToken("agent")))).contains(supportTask).doesNotContain(salesTask);
    }

    @Test
    void basicIsCheckedAgainstKeycloakAndAnalystsMayDeployButRepsMayNot() throws Exception {
        assertThat(deploy(basic("analyst", "analyst")).statusCode()).isEqualTo(200);
        assertThat(deploy(basic("rep", "rep")).statusCode()).isEqualTo(403);
        assertThat(deploy("Bearer " + keycloak.accessToken("analyst")).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsForeignTokensAndExpiredTokensAre401() throws Exception {
        // manager, whom no other test signs in: Keycloak briefly locks a user after quick wrong passwords
        assertThat(get("/engine-rest/task", basic("manager", "not-the-password")).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", "Bearer " + keycloak.accessToken("circuitos", "other-app", null, "rep", "rep")).statusCode())
                .as("a token of another client").isEqualTo(401);
        assertThat(get("/engine-rest/task", "Bearer " + keycloak.accessToken("elsewhere", "circuitos", null, "rep", "rep")).statusCode())
                .as("a token of another realm").isEqualTo(401);
        assertThat(get("/engine-rest/task", "Bearer not.a.token").statusCode()).isEqualTo(401);

        assertThat(keycloak.admin("PUT", "/circuitos", "{\"accessTokenLifespan\": 1}")).isEqualTo(204);
        String shortLived;
        try {
            shortLived = keycloak.accessToken("rep");
        } finally {
            assertThat(keycloak.admin("PUT", "/circuitos", "{\"accessTokenLifespan\": 300}")).isEqualTo(204);
        }
        Thread.sleep(2_500);
        assertThat(get("/engine-rest/task", "Bearer " + shortLived).statusCode()).as("an expired token").isEqualTo(401);
    }

    @Test
    void signingInOnKeycloaksLoginPageLandsInTasklistWithTheUsersOwnTasks() throws Exception {
        Browser rep = signIn("rep");
        assertThat(rep.landing.uri().getPath()).startsWith("/camunda/app/");
        HttpResponse<String> tasklist = rep.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(tasklist.body()).contains("Camunda Tasklist");
        assertThat(rep.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"rep\"");
        assertThat(taskIds(rep.get("/camunda/api/engine/engine/default/task"))).contains(salesTask).doesNotContain(supportTask);

        Browser agent = signIn("agent");
        assertThat(taskIds(agent.get("/camunda/api/engine/engine/default/task"))).contains(supportTask).doesNotContain(salesTask);
    }

    @Test
    void loggingOutEndsTheKeycloakSessionSoTheNextVisitAsksForThePasswordAgain() throws Exception {
        Browser rep = signIn("rep");

        HttpResponse<String> afterLogout = rep.get("/camunda/logout");

        assertThat(afterLogout.uri().toString()).startsWith(keycloak.issuer());
        assertThat(LOGIN_FORM.matcher(afterLogout.body()).find()).as("Keycloak's login page again").isTrue();
        assertThat(rep.get("/camunda/api/admin/auth/user/default").uri().toString()).as("sent to sign in again").startsWith(keycloak.issuer());
    }

    @Test
    void theSetupPageIsClosedAndHealthShowsDetailsToAdminsOnly() throws Exception {
        HttpResponse<String> setup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"x\"},\"credentials\":{\"password\":\"x\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isGreaterThanOrEqualTo(300);

        JsonNode anonymous = JSON.readTree(get("/actuator/health", null).body());
        assertThat(anonymous.has("status")).isTrue();
        assertThat(anonymous.has("components")).isFalse();
        JsonNode admin = JSON.readTree(get("/actuator/health", "Bearer " + keycloak.accessToken("demo")).body());
        assertThat(admin.has("components")).isTrue();
    }

    private Browser signIn(String user) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.get("/camunda/app/tasklist/");
        assertThat(loginPage.uri().toString()).as("redirected to Keycloak").startsWith(keycloak.issuer());
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertThat(form.find()).as("Keycloak's login form").isTrue();
        String action = form.group(1).replace("&amp;", "&");
        browser.landing = browser.http.send(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.landing.statusCode()).isEqualTo(200);
        return browser;
    }

    /** Cookies and redirects, as a browser would: one per signed-in person. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies()).followRedirects(HttpClient.Redirect.ALWAYS).build();
        HttpResponse<String> landing;

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json, text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Like a browser, sends Keycloak's {@code Secure} cookies to the loopback address, a secure context even over http. */
    private static final class LoopbackCookies extends CookieManager {
        @Override
        public java.util.Map<String, List<String>> get(URI uri, java.util.Map<String, List<String>> headers) throws java.io.IOException {
            try {
                return super.get(new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null), headers);
            } catch (java.net.URISyntaxException e) {
                throw new java.io.IOException(e);
            }
        }
    }

    private String task(String name, String group) {
        Task task = taskService.newTask();
        task.setName(name);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), group);
        return task.getId();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deploy(String authorization) throws Exception {
        String boundary = "circuitos" + System.nanoTime();
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"keycloak-sketch\" isExecutable=\"true\" "
                + "camunda:historyTimeToLive=\"P1D\"><startEvent id=\"s\"/></process></definitions>";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nkeycloak-sketch\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sketch.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/create"))
                .header("Authorization", authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> taskIds(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(answer.body()).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
