package io.circuitos.agents.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.circuitos.agents.support.SupportEscalationProcess.Element;
import io.circuitos.agents.support.SupportEscalationProcess.Message;
import io.circuitos.agents.support.SupportEscalationProcess.Variable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.customers.CustomerStore;
import io.circuitos.customers.TestCustomers;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.ProcessScenarioTest;
import io.circuitos.knowledge.KnowledgeBase;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code processes/support-escalation.bpmn} with the real knowledge base, risk model, routing table and help-desk webhook. */
@Deployment(resources = {"processes/support-escalation.bpmn", "decisions/support-routing.dmn", "forms/support-ticket.form"})
class SupportEscalationProcessTest extends ProcessScenarioTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(PROCESS_TEST_ENGINE)
            .assertClassCoverageAtLeast(0.9).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOW_TO = "Where do I find my tasks in Tasklist?";

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @BeforeEach
    void cleanKnowledgeAnswers() {
        database.queryForList("select article_id from circuitos_knowledge_article", String.class)
                .forEach(id -> bean(KnowledgeBase.class).remove(id));
        database.update("delete from circuitos_knowledge_article");
    }

    @Test
    void aConfidentLowRiskAnswerGoesStraightBackToTheHelpDesk() throws Exception {
        ollama.enqueue(answer("find my tasks", "neutral", "Open Tasklist and pick the filter of your group.", 0.93));
        ProcessInstance ticket = start("T-AUTO", HOW_TO, "standard", 0);
        runJobs(ticket);

        assertThat(ticket).isEnded().hasPassed(Element.SEND_ANSWER, Element.ANSWER_DELIVERED, Element.ANSWERED_AUTOMATICALLY)
                .hasNotPassed(Element.REVIEW_ANSWER, Element.ANSWER_NOT_DELIVERED, Element.HANDLE_TICKET).variables()
                .containsEntry(Variable.ANSWER_DELIVERED, true).containsEntry(Variable.ANSWER_NOT_DELIVERED_REASON, null).containsEntry(Variable.ROUTE, "auto_answer").containsEntry(Variable.CONFIDENCE, 0.93).containsEntry(Variable.DRAFT_ORIGIN, "llm");
        assertThat((String) historicVariable(ticket, Variable.CITED_ARTICLES)).contains("working-tasks-in-tasklist");
        assertThat((Double) historicVariable(ticket, Variable.RISK)).isLessThan(0.15);
        JsonNode sent = helpdeskPosts("T-AUTO").get(0);
        assertThat(sent.get("type").asText()).isEqualTo("support.ticket_answered");
        assertThat(sent.at("/data/ticketId").asText()).isEqualTo("T-AUTO");
        assertThat(sent.at("/data/answer").asText()).isEqualTo("Open Tasklist and pick the filter of your group.");
        assertThat(sent.at("/data/answeredBy").asText()).isEqualTo("circuitos");
        JsonNode prompt = ollama.requests().get(0);
        assertThat(prompt.toString()).contains("[working-tasks-in-tasklist]");
    }

    @Test
    void aMidConfidenceAnswerIsSentAndASupportAgentReviewsIt() throws Exception {
        ollama.enqueue(answer("find my tasks", "neutral", "Tasklist shows your group's tasks.", 0.7));
        ProcessInstance ticket = start("T-REVIEW", HOW_TO, "standard", 0);
        runJobs(ticket);
        assertThat(ticket).isWaitingAt(Element.REVIEW_ANSWER).variables().containsEntry(Variable.ROUTE, "review");
        assertThat(helpdeskPosts("T-REVIEW")).hasSize(1);
        assertThat(task(ticket)).hasCandidateGroup("support-agents").hasName("Review answer: Tasks (T-REVIEW)");
        complete(task(ticket));
        assertThat(ticket).isEnded().hasPassed(Element.ANSWER_DELIVERED, Element.REVIEWED).hasNotPassed(Element.ANSWER_NOT_DELIVERED);
    }

    @Test
    void anAngryVipGetsAPersonWithinTheHourAndTheLeadsWhenTheHourPasses() throws Exception {
        ollama.enqueue(answer("billing complaint", "negative", "We are sorry; a colleague will look at your invoice.", 0.9));
        ProcessInstance ticket = start("T-VIP", "Your invoice is wrong again and nobody answers me.", "vip", 0);
        runJobs(ticket);
        assertThat(ticket).isWaitingAt(Element.HANDLE_TICKET).variables().containsEntry(Variable.ROUTE, "human").containsEntry(Variable.PRIORITY, "P1")
                .containsEntry(Variable.ROUTE_RULE, "sentiment \"negative\" and customerTier \"vip\" → route = human, priority = P1");
        Task handle = task(ticket);
        assertThat(handle).hasCandidateGroup("support-agents");
        assertThat(handle.getPriority()).isEqualTo(100);
        assertThat(handle.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));
        Job sla = managementService().createJobQuery().processInstanceId(ticket.getId()).activityId(Element.SLA_MISSED).singleResult();
        assertThat(sla.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));

        managementService().executeJob(sla.getId());
        assertThat(task(ticket)).hasCandidateGroup("support-leads").hasName("Escalated ticket: P1 Tasks (T-VIP)");
        complete(task(ticket), withVariables(Variable.DRAFT_ANSWER, "I corrected the invoice; the credit shows on your next bill."));
        runJobs(ticket);
        assertThat(ticket).isEnded().hasPassed(Element.HANDLE_ESCALATED_TICKET, Element.SEND_HUMAN_ANSWER, Element.ADD_ANSWER_TO_KNOWLEDGE, Element.ANSWERED_BY_PERSON)
                .variables().containsEntry(Variable.END_REASON, "answered by a support agent; answer added to the knowledge base");
        assertThat(helpdeskPosts("T-VIP")).singleElement().satisfies(post -> assertThat(post.at("/data/answer").asText()).isEqualTo("I corrected the invoice; the credit shows on your next bill."));
    }

    @Test
    void aHighHandoffScoreGivesPriorityP2WithAnEightHourSla() {
        ollama.enqueue(answer("find my tasks", "neutral", "Tasklist shows your group's tasks.", 0.95));
        ProcessInstance ticket = start("T-P2", HOW_TO, "standard", 80);
        runJobs(ticket);
        assertThat(ticket).isWaitingAt(Element.HANDLE_TICKET).variables().containsEntry(Variable.PRIORITY, "P2");
        assertThat(task(ticket).getPriority()).isEqualTo(75);
        Job sla = managementService().createJobQuery().processInstanceId(ticket.getId()).activityId(Element.SLA_MISSED).singleResult();
        assertThat(sla.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(8))));
        managementService().executeJob(sla.getId());
        assertThat(task(ticket)).hasCandidateGroup("support-leads");
    }

    @Test
    void anUnsureAnswerGoesToAPersonWithPriorityP3AndTheirAnswerJoinsTheKnowledgeBase() throws Exception {
        ollama.enqueue(answer("export history", "neutral", "I am not sure; the articles do not cover exports.", 0.3));
        ProcessInstance ticket = start("T-P3", "Can I export the decision history of last month to a spreadsheet?", "standard", 0);
        runJobs(ticket);
        assertThat(ticket).isWaitingAt(Element.HANDLE_TICKET).variables().containsEntry(Variable.PRIORITY, "P3");
        Job sla = managementService().createJobQuery().processInstanceId(ticket.getId()).activityId(Element.SLA_MISSED).singleResult();
        assertThat(sla.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(48))));

        String answer = "Open Cockpit, choose the decision, filter the history by date and export it as CSV from the REST API "
                + "endpoint history/decision-instance.";
        complete(task(ticket), withVariables(Variable.DRAFT_ANSWER, answer));
        runJobs(ticket);
        assertThat(ticket).isEnded().hasPassed(Element.ANSWERED_BY_PERSON);
        assertThat(database.queryForObject("select title from circuitos_knowledge_article where article_id = 'answer-T-P3'", String.class))
                .isEqualTo("Tasks");
        assertThat(bean(KnowledgeBase.class).search("export decision history to a spreadsheet", 3))
                .extracting(h -> h.articleId()).contains("answer-T-P3");
    }

    @Test
    void aP3TicketNobodyAnswersIn48HoursGoesToTheLeads() {
        ollama.enqueue(answer("export history", "neutral", "Not covered.", 0.2));
        ProcessInstance ticket = start("T-P3-SLA", "Can I export the decision history?", "standard", 0);
        runJobs(ticket);
        assertThat(task(ticket).getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(48))));
        Job sla = managementService().createJobQuery().processInstanceId(ticket.getId()).activityId(Element.SLA_MISSED).singleResult();
        ClockUtil.setCurrentTime(sla.getDuedate());
        managementService().executeJob(sla.getId());
        assertThat(task(ticket)).hasCandidateGroup("support-leads").hasName("Escalated ticket: P3 Tasks (T-P3-SLA)");
        assertThat(task(ticket).getPriority()).isEqualTo(100);
    }

    @Test
    void customerRepliesReachTheRunningTicketWithoutInterruptingIt() {
        ollama.enqueue(answer("export history", "neutral", "Not covered.", 0.2));
        ProcessInstance ticket = start("T-REPLY", "Can I export the decision history?", "standard", 0);
        runJobs(ticket);
        for (String reply : List.of("Any news?", "It is for the audit on Friday.")) {
            runtimeService().createMessageCorrelation(Message.TICKET_REPLIED).processInstanceBusinessKey("T-REPLY")
                    .setVariable("replyText", reply).correlate();
        }
        assertThat(ticket).isWaitingAt(Element.HANDLE_TICKET).hasPassed(Element.RECORD_REPLY).variables()
                .containsEntry(Variable.CUSTOMER_REPLIES, "Any news?\n---\nIt is for the audit on Friday.");
    }

    @Test
    void withTheLlmDownTheTicketGoesToAPersonWithNoDraftAndIsNeverLost() {
        llmDown();
        ProcessInstance ticket = start("T-DOWN", HOW_TO, "standard", 0);
        runJobsWithRetries(ticket);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(ticket.getId()).count()).isZero();
        assertThat(ticket).isWaitingAt(Element.HANDLE_TICKET).variables().containsEntry(Variable.ROUTE, "human").containsEntry(Variable.PRIORITY, "P3")
                .containsEntry(Variable.DRAFT_ANSWER, "").containsEntry(Variable.DRAFT_ORIGIN, "none").containsEntry(Variable.CONFIDENCE, 0.0)
                .containsEntry(Variable.INTENT, "not classified").containsEntry(Variable.SENTIMENT, "not classified");
        assertThat((String) runtimeService().getVariable(ticket.getId(), Variable.DRAFT_NOTE)).startsWith("No model answer: the AI model could not be reached");
    }

    @Test
    void overTheLlmBudgetTheTicketGoesToAPersonWithNoDraft() {
        llmBudgetSpent();
        ProcessInstance ticket = start("T-BUDGET", HOW_TO, "standard", 0);
        runJobsWithRetries(ticket);

        assertThat(ticket).hasPassed(Element.ANSWER_BUDGET_EXCEEDED, Element.NO_DRAFT_OVER_BUDGET).isWaitingAt(Element.HANDLE_TICKET).variables()
                .containsEntry(Variable.ROUTE, "human").containsEntry(Variable.DRAFT_ANSWER, "").containsEntry(Variable.DRAFT_ORIGIN, "none")
                .containsEntry(Variable.CONFIDENCE, 0.0)
                .containsEntry(Variable.DRAFT_NOTE, "No model answer: LLM budget of this instance used up: 0 of 0 calls, 0 of 60000 tokens")
                .containsEntry(Variable.INTENT, "not classified").containsEntry(Variable.SENTIMENT, "not classified");
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void theAnswerLooksAtTheCustomersPlanAndEarlierTicketsBeforeItIsWritten() throws Exception {
        bean(CustomerStore.class).upsert(TestCustomers.activeLoyal("KIM-1", 70), NOW);
        ollama.enqueue(answer("export history", "neutral", "Not covered.", 0.2));
        ProcessInstance earlier = start("T-EARLIER", "How do I export my history?", "standard", 0, "kim-1@customers.example");
        assertThat(earlier).isWaitingAt(Element.HANDLE_TICKET);
        ollama.enqueue(FakeOllama.Reply.toolCalls(new FakeOllama.ToolCall("lookUpCustomer", "{}"), new FakeOllama.ToolCall("earlierRuns", "{}")),
                answer("find my tasks", "neutral", "Open Tasklist and pick the filter of your group.", 0.93));

        ProcessInstance ticket = start("T-TOOLS", HOW_TO, "standard", 0, "kim-1@customers.example");

        assertThat(ticket).hasPassed(Element.ANSWER_TICKET).variables().containsEntry(Variable.DRAFT_ORIGIN, "llm");
        List<String> toolResults = new java.util.ArrayList<>();
        ollama.requests().get(ollama.requests().size() - 1).get("messages").forEach(m -> {
            if ("tool".equals(m.path("role").asText())) {
                toolResults.add(m.path("content").asText());
            }
        });
        assertThat(toolResults).hasSize(2);
        assertThat(toolResults.get(0)).as("the plan").contains("Two year").contains("DSL");
        assertThat(toolResults.get(1)).as("the earlier ticket, still open").contains("T-EARLIER").contains("ACTIVE").doesNotContain("T-TOOLS");
    }

    @Test
    void aContactWithoutEarlierRunsGetsAnEmptyListNotAToolFailure() throws Exception {
        ollama.enqueue(FakeOllama.Reply.toolCall("earlierRuns", "{}"), answer("find my tasks", "neutral", "Open Tasklist.", 0.9));
        ProcessInstance ticket = start("T-FIRST", HOW_TO, "standard", 0, "first-time@customers.example");

        assertThat(ticket).variables().containsEntry(Variable.DRAFT_ORIGIN, "llm");
        JsonNode log = JSON.readTree(runtimeService().getVariable(ticket.getId(), "llmCallLog").toString());
        assertThat(log).filteredOn(e -> "tool".equals(e.path("kind").asText())).singleElement().satisfies(tool -> {
            assertThat(tool.path("outcome").asText()).isEqualTo("ok");
            assertThat(tool.path("result").asText()).contains("\"earlierRunCount\":0");
        });
    }

    @Test
    void anAnswerThatNamesNoArticleIsStillAnAnswer() {
        ollama.enqueue(FakeOllama.Reply.content(JSON.createObjectNode().put(Variable.INTENT, "find my tasks").put(Variable.SENTIMENT, "neutral")
                .put("answer", "Open Tasklist and pick the filter of your group.").put(Variable.CONFIDENCE, 0.6).put(Variable.USED_ARTICLES, "")
                .toString()));
        ProcessInstance ticket = start("T-NO-ARTICLE", HOW_TO, "standard", 0);

        assertThat(ticket).variables().containsEntry(Variable.DRAFT_ORIGIN, "llm").containsEntry(Variable.USED_ARTICLES, "")
                .containsEntry(Variable.DRAFT_ANSWER, "Open Tasklist and pick the filter of your group.");
    }

    @Test
    void anAgentThatKeepsCallingToolsIsStoppedAtItsLimitAndTheTicketGoesToAPersonWithTheReason() {
        ollama.answerWith(request -> FakeOllama.Reply.toolCall("earlierRuns", "{}"));
        ProcessInstance ticket = start("T-LOOP", HOW_TO, "standard", 0);

        assertThat(ticket).hasPassed(Element.ANSWER_BUDGET_EXCEEDED, Element.NO_DRAFT_OVER_BUDGET).isWaitingAt(Element.HANDLE_TICKET)
                .variables().containsEntry(Variable.ROUTE, "human").containsEntry(Variable.DRAFT_ORIGIN, "none")
                .containsEntry(Variable.DRAFT_NOTE, "No model answer: the limit of 4 model calls was reached before an answer");
        assertThat(ollama.requests()).hasSize(4);
    }

    @Test
    void withTheLlmDownAVipsTicketGoesToAPersonAtP2ByTheRuleForTicketsNoModelClassified() {
        llmDown();
        ProcessInstance ticket = start("T-DOWN-VIP", HOW_TO, "vip", 0);
        runJobsWithRetries(ticket);

        assertThat(ticket).isWaitingAt(Element.HANDLE_TICKET).variables().containsEntry(Variable.SENTIMENT, "not classified")
                .containsEntry(Variable.ROUTE, "human").containsEntry(Variable.PRIORITY, "P2")
                .containsEntry(Variable.ROUTE_RULE, "sentiment \"not classified\" and customerTier \"vip\" → route = human, priority = P2");
        assertThat(task(ticket).getPriority()).isEqualTo(75);
    }

    @Test
    void anAnswerTheHelpDeskDidNotTakeGoesToASupportAgent() throws Exception {
        reconfigure("circuitos.outbound.helpdesk.url", "");
        ollama.enqueue(answer("find my tasks", "neutral", "Open Tasklist and pick the filter of your group.", 0.93));
        ProcessInstance ticket = start("T-UNDELIVERED", HOW_TO, "standard", 0);
        runJobs(ticket);

        assertThat(ticket).hasPassed(Element.SEND_ANSWER, Element.ANSWER_DELIVERED, Element.ANSWER_NOT_DELIVERED)
                .hasNotPassed(Element.NEEDS_REVIEW, Element.ANSWERED_AUTOMATICALLY).isWaitingAt(Element.HANDLE_TICKET).variables()
                .containsEntry(Variable.ROUTE, "auto_answer").containsEntry(Variable.ANSWER_DELIVERED, false)
                .containsEntry(Variable.ANSWER_NOT_DELIVERED_REASON, "no address is configured for the helpdesk").containsEntry(Variable.PRIORITY, "P3");
        assertThat(routingOutputs(ticket)).as("the decision's own outputs: it gave no priority")
                .containsEntry("route", "auto_answer").doesNotContainKey("priority");
        Task handle = task(ticket);
        assertThat(handle).hasCandidateGroup("support-agents").hasName("Answer ticket: P3 Tasks (T-UNDELIVERED)");
        assertThat(handle.getPriority()).isEqualTo(50);
        assertThat(handle.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(48))));
        assertThat(managementService().createJobQuery().processInstanceId(ticket.getId()).activityId(Element.SLA_MISSED).singleResult()
                .getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(48))));
        assertThat(webhookResults(ticket)).containsExactly(false);

        complete(handle, withVariables(Variable.ANSWER_DELIVERY, "postedByAgent"));
        runJobs(ticket);
        assertThat(ticket).isEnded().hasPassed(Element.ADD_ANSWER_TO_KNOWLEDGE, Element.POSTED_BY_AGENT, Element.ANSWER_POSTED_BY_AGENT)
                .hasNotPassed(Element.SEND_HUMAN_ANSWER, Element.ANSWERED_BY_PERSON).variables().containsEntry(Variable.END_REASON,
                        "answered by a support agent, who posted the answer in the help desk (circuitos could not deliver it: "
                                + "no address is configured for the helpdesk); answer added to the knowledge base");
        assertThat(helpdeskPosts("T-UNDELIVERED")).isEmpty();
        assertThat(database.queryForObject("select body from circuitos_knowledge_article where article_id = 'answer-T-UNDELIVERED'", String.class))
                .contains("Open Tasklist and pick the filter of your group.");
    }

    @Test
    void aPersonsAnswerTheHelpDeskDidNotTakeComesBackWithTheReason() throws Exception {
        reconfigure("circuitos.outbound.helpdesk.url", "");
        ollama.enqueue(answer("export history", "neutral", "Not covered.", 0.2));
        ProcessInstance ticket = start("T-PERSON-UNDELIVERED", "Can I export the decision history?", "standard", 0);
        runJobs(ticket);
        String answer = "Export it as CSV from the REST API endpoint history/decision-instance.";
        complete(task(ticket), withVariables(Variable.DRAFT_ANSWER, answer));
        runJobs(ticket);

        assertThat(ticket).hasPassed(Element.ADD_ANSWER_TO_KNOWLEDGE, Element.SEND_HUMAN_ANSWER, Element.PERSONS_ANSWER_DELIVERED)
                .hasNotPassed(Element.ANSWERED_BY_PERSON).isWaitingAt(Element.HANDLE_TICKET).variables()
                .containsEntry(Variable.ANSWER_DELIVERED, false)
                .containsEntry(Variable.ANSWER_NOT_DELIVERED_REASON, "no address is configured for the helpdesk")
                .containsEntry(Variable.DRAFT_ANSWER, answer).containsEntry(Variable.PRIORITY, "P3");
        assertThat(task(ticket)).as("the answer is back with a support agent, in Tasklist").hasCandidateGroup("support-agents");
        assertThat(database.queryForObject("select body from circuitos_knowledge_article where article_id = 'answer-T-PERSON-UNDELIVERED'",
                String.class)).as("a person's answer is an answer, delivered or not").contains(answer);

        reconfigure("circuitos.outbound.helpdesk.url", channels.url("/helpdesk")); // an admin configured the help desk
        complete(task(ticket), withVariables(Variable.ANSWER_DELIVERY, "send"));
        runJobs(ticket);
        assertThat(ticket).isEnded().hasPassed(Element.ANSWERED_BY_PERSON).hasNotPassed(Element.ANSWER_POSTED_BY_AGENT).variables()
                .containsEntry(Variable.ANSWER_DELIVERED, true).containsEntry(Variable.ANSWER_NOT_DELIVERED_REASON, null);
        assertThat(helpdeskPosts("T-PERSON-UNDELIVERED")).singleElement()
                .satisfies(post -> assertThat(post.at("/data/answer").asText()).isEqualTo(answer));
        assertThat(webhookResults(ticket)).as("what the audit counts: one WebhookNotDelivered, one WebhookDelivered").containsExactlyInAnyOrder(false, true);
    }

    /** What the send tasks themselves wrote: the values the audit's deliveries count. */
    private List<Object> webhookResults(ProcessInstance ticket) {
        return processEngine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(ticket.getId())
                .variableName("webhookDelivered").list().stream().filter(v -> !ticket.getId().equals(v.getActivityInstanceId()))
                .map(v -> v.getValue()).toList();
    }

    /** The outputs decision support-routing gave for this ticket, as the trail shows them. */
    private Map<String, Object> routingOutputs(ProcessInstance ticket) {
        Map<String, Object> outputs = new HashMap<>();
        processEngine().getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(ticket.getId()).includeOutputs().singleResult()
                .getOutputs().forEach(o -> outputs.put(o.getVariableName(), o.getValue()));
        return outputs;
    }

    private static FakeOllama.Reply answer(String intent, String sentiment, String answer, double confidence) {
        return FakeOllama.Reply.content(JSON.createObjectNode().put(Variable.INTENT, intent).put(Variable.SENTIMENT, sentiment).put("answer", answer)
                .put(Variable.CONFIDENCE, confidence).put(Variable.USED_ARTICLES, "working-tasks-in-tasklist").toString());
    }

    private static ProcessInstance start(String ticketId, String text, String tier, double handoffScore) {
        return start(ticketId, text, tier, handoffScore, "kim@customer.example");
    }

    private static ProcessInstance start(String ticketId, String text, String tier, double handoffScore, String email) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variable.TICKET_ID, ticketId);
        variables.put(Variable.TICKET_SUBJECT, "Tasks");
        variables.put(Variable.TICKET_TEXT, text);
        variables.put(Variable.CUSTOMER_EMAIL, email);
        variables.put(Variable.CUSTOMER_NAME, "Kim");
        variables.put(Variable.CUSTOMER_TIER, tier);
        variables.put(Variable.HANDOFF_SCORE, handoffScore);
        return start(SupportEscalationProcess.KEY, ticketId, variables);
    }

    /** The help desk's last delivery for the ticket (the capture server serves the whole class). */
    private List<JsonNode> helpdeskPosts(String ticketId) throws Exception {
        List<JsonNode> posts = new java.util.ArrayList<>();
        for (var post : channels.posts("/helpdesk")) {
            JsonNode body = JSON.readTree(post.body());
            if (ticketId.equals(body.at("/data/ticketId").asText())) {
                posts.add(body);
            }
        }
        return posts;
    }
}
