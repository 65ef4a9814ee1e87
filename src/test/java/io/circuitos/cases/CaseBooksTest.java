package io.circuitos.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.deployments.ShippedAgents;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Every shipped agent's case book passes on what ships, in the application's own runner; a moved threshold makes the
 * cases that depend on it fail by name, through the API as an analyst sends it; nothing of a case run reaches the
 * application's engine or tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseBooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CaseRunner runner;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcTemplate database;
    @Autowired
    CaseOverrideStore overrides;
    @LocalServerPort
    int port;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    private static final String ANALYST = "analyst";
    private static final String ADMIN = "demo";
    private static final String REP = "rep";

    /** Other tests in the same application lock the demo logins with wrong passwords on purpose. */
    @org.junit.jupiter.api.BeforeEach
    void demoLoginsUnlocked() {
        List.of(ANALYST, ADMIN, REP).forEach(identity::unlockUser);
    }

    /** The process keys of the shipped agents, read from the BPMN files that ship. */
    static Stream<String> shippedAgents() {
        return ShippedAgents.processes().keySet().stream()
                .map(file -> file.substring(file.lastIndexOf('/') + 1).replace(".bpmn", "")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedAgents")
    void everyShippedAgentKeepsItsCaseBook(String process) {
        CaseBook book = CaseBooks.of(process).orElseThrow(() -> new AssertionError(process + " ships no case book: cases/" + process + ".yaml"));
        assertThat(book.cases()).as("cases of " + process).isNotEmpty();

        CaseReport report = runner.run(book, Map.of());

        assertThat(report.failing()).as(report.summary()).isEmpty();
        assertThat(report.results()).allSatisfy(result -> assertThat(result.path()).isNotEmpty());
    }

    @Test
    void aCaseRunLeavesTheApplicationsEngineAndTablesAsTheyWere() {
        long runs = history.createHistoricProcessInstanceQuery().count();
        long deployments = repository.createDeploymentQuery().count();
        int sent = database.queryForObject("select count(*) from circuitos_sent_email", Integer.class);

        CaseReport report = runner.run(CaseBooks.of("lost-opportunity").orElseThrow(), Map.of());

        assertThat(report.results()).anySatisfy(r -> assertThat(r.recorded()).extracting(RecordedEffect::task).contains("sendEmail"));
        assertThat(report.results()).as("no AI model in the tests: the rubric's fallback phrases decide, and the result says so")
                .anySatisfy(r -> assertThat(r.notes()).anyMatch(note -> note.contains("emailDraft not judged: no AI model is configured")));
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(runs);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(database.queryForObject("select count(*) from circuitos_sent_email", Integer.class)).isEqualTo(sent);
    }

    @Test
    void anAnalystWhoMovesAThresholdReadsWhichCasesNowEndDifferently() throws Exception {
        String band = new String(ShippedAgents.decisions().get("decisions/lost-opportunity-band.dmn"), StandardCharsets.UTF_8)
                .replace("[60..80[", "[75..80[").replace("&lt; 60", "&lt; 75");

        ResponseEntity<String> answer = post(ANALYST, "lost-opportunity", Map.of("file", file("lost-opportunity-band.dmn", band)));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode report = JSON.readTree(answer.getBody());
        int cases = report.get("cases").asInt();
        assertThat(report.get("passed").asInt()).isEqualTo(cases - 1);
        assertThat(report.get("summary").asText()).startsWith((cases - 1) + " of " + cases + " cases pass; case `middling-score-goes-to-nurture`: "
                + "variable band is \"ignore\", expected \"high\"");
        JsonNode failed = report.get("results").findParents("passed").stream().filter(r -> !r.get("passed").asBoolean()).findFirst().orElseThrow();
        assertThat(failed.get("path").toString()).contains("Ignored");
    }

    @Test
    void aDeploymentThatBreaksCasesIsRefusedNamingThemAndTheFixedVersionDeploys() throws Exception {
        String moved = movedThreshold();
        ResponseEntity<String> refused = deploy(ANALYST, null, moved);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("case book of lost-opportunity").contains("middling-score-goes-to-nurture");

        ResponseEntity<String> repOverride = deploy(ANALYST, "override: the nurture band moves on purpose", moved);
        assertThat(repOverride.getStatusCode().value()).as("only admins override").isEqualTo(400);
        assertThat(repOverride.getBody()).contains("only admins may deploy past failing cases");

        ResponseEntity<String> fixed = deploy(ANALYST, null,
                new String(ShippedAgents.decisions().get("decisions/lost-opportunity-band.dmn"), StandardCharsets.UTF_8));
        assertThat(fixed.getStatusCode().value()).as(fixed.getBody()).isEqualTo(200);

        JsonNode check = JSON.readTree(client().post().uri("/api/deployments/check")
                .header(HttpHeaders.AUTHORIZATION, basic(ANALYST)).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart(Map.of("file", file("lost-opportunity-band.dmn", moved)))).retrieve().body(String.class));
        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("cases").toString()).contains("middling-score-goes-to-nurture");
    }

    /**
     * Through this application's own engine (the engine REST API of a test JVM may answer from another test's application:
     * Camunda registers every engine named "default" in one static registry), as an admin signed in.
     */
    @Test
    void anAdminMayDeployPastFailingCasesWithAReasonThatIsRecorded() {
        identity.setAuthentication(ADMIN, List.of("admins"));
        try {
            repository.createDeployment().name("band change").source("override: marketing asked to stop nurturing middling leads")
                    .addString("lost-opportunity-band.dmn", movedThreshold()).deploy();
            assertThatThrownBy(() -> repository.createDeployment().name("band change").source("override:")
                    .addString("lost-opportunity-band.dmn", movedThreshold().replace("Below 60", "Below 75")).deploy())
                    .as("an override without a reason is no override").hasMessageContaining("an override needs a reason");
        } finally {
            identity.clearAuthentication();
        }

        assertThat(overrides.forProcess("lost-opportunity")).anySatisfy(override -> {
            assertThat(override.byUser()).isEqualTo(ADMIN);
            assertThat(override.reason()).isEqualTo("marketing asked to stop nurturing middling leads");
            assertThat(override.failing()).contains("middling-score-goes-to-nurture");
        });
        repository.createDeployment().name("band back").addString("lost-opportunity-band.dmn",
                new String(ShippedAgents.decisions().get("decisions/lost-opportunity-band.dmn"), StandardCharsets.UTF_8)).deploy();
    }

    private static String movedThreshold() {
        return new String(ShippedAgents.decisions().get("decisions/lost-opportunity-band.dmn"), StandardCharsets.UTF_8)
                .replace("[60..80[", "[75..80[").replace("&lt; 60", "&lt; 75");
    }

    private ResponseEntity<String> deploy(String user, String source, String dmn) {
        MultiValueMap<String, Object> body = multipart(Map.of("data", file("lost-opportunity-band.dmn", dmn)));
        body.add("deployment-name", "band change");
        body.add("deploy-changed-only", "false");
        if (source != null) {
            body.add("deployment-source", source);
        }
        return client().post().uri("/engine-rest/deployment/create")
                .header(HttpHeaders.AUTHORIZATION, basic(user)).contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve()
                .onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    /** Uploads with a Content-Length, as Camunda Modeler sends them (the upload limit needs one). */
    private RestClient client() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).requestFactory(new org.springframework.http.client.BufferingClientHttpRequestFactory(
                new org.springframework.http.client.SimpleClientHttpRequestFactory())).build();
    }

    private static MultiValueMap<String, Object> multipart(Map<String, ByteArrayResource> parts) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        parts.forEach(body::add);
        return body;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void extraCasesAnAnalystSendsRunWithTheShippedOnes() throws Exception {
        String extra = """
                process: lost-opportunity
                cases:
                  - name: a-zero-score-is-urgent
                    variables: { opportunityId: X-1, amount: 10, contactEmail: x@example.com, contactName: X }
                    fakes: { scores: { lost-opportunity-reactivation: 0.0 } }
                    expect: { variables: { band: urgent } }
                """;
        JsonNode report = JSON.readTree(post(ANALYST, "lost-opportunity", Map.of("cases", file("more.yaml", extra))).getBody());

        assertThat(report.get("summary").asText()).contains("case `a-zero-score-is-urgent`: variable band is \"ignore\", expected \"urgent\"");
    }

    @Test
    void aBadCaseFileIsRefusedNamingItsProblemAndOnlyAnalystsRunCases() {
        ResponseEntity<String> typo = post(ANALYST, "lost-opportunity", Map.of("cases", file("typo.yaml",
                "process: lost-opportunity\ncases:\n  - name: x\n    variables: {}\n    expect: { waitAt: ReengageOpportunity }\n")));
        assertThat(typo.getStatusCode().value()).isEqualTo(400);
        assertThat(typo.getBody()).contains("typo.yaml").contains("waitAt");

        assertThat(post(REP, "lost-opportunity", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(post(ANALYST, "no-such-agent", Map.of()).getStatusCode().value()).isEqualTo(404);
        assertThatThrownBy(() -> CaseBookReader.read("x.yaml", "process: p\ncases:\n  - name: a\n    expect: {}\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("needs either 'event' or 'variables'");
    }

    private ResponseEntity<String> post(String user, String process, Map<String, ByteArrayResource> parts) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        parts.forEach(body::add);
        return client().post().uri("/api/agents/{process}/cases/run", process)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve()
                .onStatus(status -> true, (request, response) -> { })
                .toEntity(String.class);
    }

    private static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
