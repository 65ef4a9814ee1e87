package io.circuitos.agents.winback;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.agents.winback.WinBackProcess.Element;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.circuitos.customers.CustomerStore;
import io.circuitos.customers.TestCustomers;
import io.circuitos.support.Jobs;
import io.circuitos.support.Ports;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The win-back agent inside the application: a campaign requested by webhook, sends that fail
 * while SMTP is down and are retried by the engine (each customer still gets exactly one email, the
 * idempotency row rolling back with the failed job), and engagement webhooks landing on the campaign.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WinBackOnAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BILLING_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1iaWxsaW5nLXNlY3JldC0wMQ==";
    private static final String EMAIL_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1lbWFpbC1zZWNyZXQtMDE=";
    private static final int SMTP_PORT = Ports.closed();
    private static GreenMail smtp;

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CustomerStore customers;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private HttpResponse<String> send(String source, String secret, String body) throws Exception {
        return new SignedWebhooks("http://127.0.0.1:" + port).send(source, secret, "msg_" + UUID.randomUUID(), Instant.now(), body);
    }

    @Test
    void aRequestedCampaignSendsExactlyOneEmailPerCustomerThroughAnSmtpOutageAndCountsEngagement() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        customers.upsert(TestCustomers.churned("APP-FIBER", "Fiber optic", 100, today.minusDays(3)), Instant.now());
        customers.upsert(TestCustomers.churned("APP-DSL", "DSL", 50, today.minusDays(4)), Instant.now());

        HttpResponse<String> fromBilling = send("billing", BILLING_SECRET, """
                {"type": "winback.campaign_requested", "data": {"campaignId": "WB-APP-BILLING"}}""");
        assertThat(fromBilling.statusCode()).as("campaigns are the CRM's to request").isEqualTo(400);
        HttpResponse<String> requested = new SignedWebhooks("http://127.0.0.1:" + port).sendCrm("""
                {"type": "winback.campaign_requested", "timestamp": "2026-11-20T09:00:00Z",
                 "data": {"campaignId": "WB-APP-1", "windowDays": 30, "topN": 10, "budget": 1000}}""");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        JsonNode started = JSON.readTree(requested.body());
        assertThat(started.get("businessKey").asText()).isEqualTo("WB-APP-1");
        String instanceId = started.get("processInstanceId").asText();

        runDue(instanceId); // SMTP is not up yet: the chunk of both sends fails and waits for its retry
        List<Job> failed = managementService.createJobQuery().processInstanceId(instanceId).withException().list();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getExceptionMessage()).contains("to app-fiber@customers.example not sent");
        assertThat(jdbc.queryForObject("select count(*) from circuitos_sent_email", Integer.class)).isZero();

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        failed.forEach(job -> managementService.setJobDuedate(job.getId(), new Date())); // an operator's "retry now"
        runDue(instanceId);
        runDue(instanceId); // a second pass finds nothing more to send
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).activityIdIn(Element.WAIT_FOR_ENGAGEMENT).count())
                .isEqualTo(1);

        HttpResponse<String> opened = send("email", EMAIL_SECRET, """
                {"type": "email.opened", "data": {"campaignId": "WB-APP-1", "customerId": "APP-FIBER"}}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
        HttpResponse<String> back = send("billing", BILLING_SECRET, """
                {"type": "customer.reactivated", "data": {"customerId": "APP-FIBER"}}""");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(202);
        assertThat(jdbc.queryForMap("select opened_at, reactivated_at from circuitos_campaign_message where customer_id = 'APP-FIBER'"))
                .allSatisfy((column, value) -> assertThat(value).as(column).isNotNull());
        assertThat(customers.find("APP-FIBER").orElseThrow().status().name()).isEqualTo("ACTIVE");

        HttpResponse<String> stranger = send("email", EMAIL_SECRET, """
                {"type": "email.clicked", "data": {"campaignId": "WB-APP-1", "customerId": "NOBODY"}}""");
        assertThat(stranger.statusCode()).isEqualTo(404);
    }

    @Test
    void billingWebhooksCreateChangeAndChurnCustomers() throws Exception {
        HttpResponse<String> created = send("billing", BILLING_SECRET, """
                {"type": "customer.updated", "data": {"customerId": "BILL-1", "name": "Ana Silva", "email": "ana@customers.example",
                 "tenure": 12, "internetService": "DSL", "contract": "One year", "monthlyCharges": 55.5}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        var customer = customers.find("BILL-1").orElseThrow();
        assertThat(customer.segment()).isEqualTo("dsl");
        assertThat(customer.value()).isEqualByComparingTo("666.00");

        HttpResponse<String> badContract = send("billing", BILLING_SECRET, """
                {"type": "customer.updated", "data": {"customerId": "BILL-1", "contract": "Forever"}}""");
        assertThat(badContract.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badContract.body()).get("field").asText()).isEqualTo("data.contract");

        HttpResponse<String> missing = send("billing", BILLING_SECRET, """
                {"type": "customer.updated", "data": {"customerId": "BILL-NEW", "tenure": 1}}""");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(customers.find("BILL-NEW")).isEmpty();

        HttpResponse<String> churned = send("billing", BILLING_SECRET, """
                {"type": "customer.churned", "data": {"customerId": "BILL-1", "churnedOn": "2026-11-01"}}""");
        assertThat(churned.statusCode()).as(churned.body()).isEqualTo(202);
        assertThat(customers.find("BILL-1").orElseThrow().churnedOn()).isEqualTo(LocalDate.parse("2026-11-01"));

        HttpResponse<String> unknown = send("billing", BILLING_SECRET, """
                {"type": "customer.churned", "data": {"customerId": "NOBODY"}}""");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from circuitos_webhook_delivery where business_key = 'NOBODY'", Integer.class))
                .isZero();
    }

    private void runDue(String instanceId) {
        Jobs.runDueKeepingFailures(managementService, instanceId, () -> { });
    }
}
