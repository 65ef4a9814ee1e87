package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.engine.RunPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.Jobs;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Licensing applications from the web form: validation, defaults, and the reply that reaches a running instance. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LicensingIntakeTest {

    static final String FORMS_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1mb3Jtcy1zZWNyZXQtMDE=";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;

    private HttpResponse<String> send(String body) throws Exception {
        return new SignedWebhooks("http://127.0.0.1:" + port).send("forms", FORMS_SECRET, "msg_" + UUID.randomUUID(), Instant.now(), body);
    }

    static String application(String id, String capital, String years, String passion) {
        return """
                {"type": "licensing.application_submitted", "timestamp": "2026-11-20T09:00:00Z",
                 "data": {"applicationId": "%s", "applicant": {"name": "Jo Park", "email": "jo@applicant.example"},
                          "liquidCapital": %s, "yearsExperience": %s, "passionScore": %s, "region": "north"}}
                """.formatted(id, capital, years, passion);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "passion 0 | 100000 | 3 | 0 | data.passionScore",
            "passion 11 | 100000 | 3 | 11 | data.passionScore",
            "negative capital | -1 | 3 | 5 | data.liquidCapital",
            "negative experience | 100000 | -2 | 5 | data.yearsExperience"})
    void outOfRangeValuesAre400NamingTheField(String what, String capital, String years, String passion, String field) throws Exception {
        HttpResponse<String> response = send(application("APP-BAD", capital, years, passion));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo(field);
    }

    @Test
    void aNurturedApplicantsReplyReachesTheRunningInstanceAndStopsTheSequence() throws Exception {
        String id = "APP-WEB-" + System.nanoTime();
        JsonNode started = JSON.readTree(send(application(id, "120000", "3", "1")).body());
        String instanceId = started.get("processInstanceId").asText();
        Jobs.runDue(managementService, instanceId);
        assertThat(RunPayload.withFields(runtimeService.getVariables(instanceId))).containsEntry("band", "NURTURE").containsEntry("ownsGym", false)
                .containsEntry("gymSqft", 0.0);

        HttpResponse<String> reply = send("""
                {"type": "licensing.applicant_replied", "timestamp": "2026-11-21T09:00:00Z",
                 "data": {"applicationId": "%s", "message": "Can we talk next week?"}}""".formatted(id));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
        assertThat(JSON.readTree(reply.body()).get("processInstanceId").asText()).isEqualTo(instanceId);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count()).isEqualTo(1);
    }

    @Test
    void aReplyWithNoApplicationWaitingIs404AndLeavesNoTrace() throws Exception {
        HttpResponse<String> reply = send("""
                {"type": "licensing.applicant_replied", "timestamp": "2026-11-21T09:00:00Z",
                 "data": {"applicationId": "APP-NOBODY", "message": "Hello?"}}""");
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).contains("APP-NOBODY");
    }
}
