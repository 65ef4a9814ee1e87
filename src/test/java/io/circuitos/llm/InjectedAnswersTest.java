package io.circuitos.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.agents.conversation.ConversationProcess;
import io.circuitos.agents.support.SupportEscalationProcess;
import io.circuitos.llm.guard.Category;
import io.circuitos.support.ChannelCapture;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.ProcessScenarioTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The pen-test's injected model answers ({@code injected-answers/corpus.yaml}) played by the fake model
 * to the support and the conversation agent, end to end in the engine with the real guard, knowledge
 * base, risk model, routing tables and outbound webhooks: none is sent automatically, each reaches a
 * person with a reason naming its category; the clean answers of the corpus still go out.
 */
@Deployment(resources = {"processes/support-escalation.bpmn", "decisions/support-routing.dmn", "forms/support-ticket.form",
        "processes/conversation.bpmn", "decisions/conversation-handoff-score.dmn", "forms/conversation-handoff.form"})
class InjectedAnswersTest extends ProcessScenarioTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(PROCESS_TEST_ENGINE).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TICKET = "Where do I find my tasks in Tasklist?";

    record Injected(int number, String category, Set<String> agents, String text) {

        @Override
        public String toString() {
            return category + " #" + number + ": " + text;
        }

        /** What the person's reason must say: the guard's category label, or the grounding check's finding. */
        String expectedReason() {
            return category.equals("ungrounded") ? "not grounded in the help articles" : category + ": ";
        }
    }

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> corpus() {
        try (InputStream in = InjectedAnswersTest.class.getClassLoader().getResourceAsStream("injected-answers/corpus.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Injected> injected() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) corpus().get("injected");
        return java.util.stream.IntStream.range(0, entries.size()).mapToObj(i -> {
            Map<String, Object> entry = entries.get(i);
            List<String> agents = (List<String>) entry.getOrDefault("agents", List.of("support", "conversation"));
            return new Injected(i + 1, (String) entry.get("category"), Set.copyOf(agents), (String) entry.get("text"));
        }).toList();
    }

    static Stream<Injected> injectedIntoSupport() {
        return injected().stream().filter(i -> i.agents().contains("support"));
    }

    static Stream<Injected> injectedIntoConversation() {
        return injected().stream().filter(i -> i.agents().contains("conversation"));
    }

    @SuppressWarnings("unchecked")
    static Stream<String> cleanSupportAnswers() {
        return ((Map<String, List<String>>) corpus().get("clean")).get("support").stream();
    }

    @SuppressWarnings("unchecked")
    static Stream<String> cleanConversationReplies() {
        return ((Map<String, List<String>>) corpus().get("clean")).get("conversation").stream();
    }

    @Test
    void theCorpusCoversEveryCategoryOfThePenTestWithAtLeastFortyAnswers() {
        List<Injected> all = injected();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        Set<String> guardCategories = Arrays.stream(Category.values()).filter(c -> c != Category.LENGTH).map(Category::label)
                .collect(Collectors.toSet());
        assertThat(all.stream().map(Injected::category).collect(Collectors.toSet())).containsAll(guardCategories).contains("ungrounded");
        assertThat(injectedIntoConversation().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injectedIntoSupport")
    void noInjectedSupportAnswerIsSentAndAPersonSeesWhy(Injected answer) throws Exception {
        ollama.answerByDefault(supportAnswer(answer.text(), 0.99));
        String ticketId = "INJ-S-" + answer.number();
        ProcessInstance ticket = ticket(ticketId);

        assertThat(ticket).hasNotPassed(SupportEscalationProcess.Element.SEND_ANSWER)
                .isWaitingAt(SupportEscalationProcess.Element.HANDLE_TICKET).variables()
                .containsEntry(SupportEscalationProcess.Variable.ROUTE, "human")
                .containsEntry(SupportEscalationProcess.Variable.GROUNDED, false);
        assertThat(task(ticket)).hasCandidateGroup("support-agents");
        assertThat((String) runtimeService().getVariable(ticket.getId(), SupportEscalationProcess.Variable.AUTO_SEND_BLOCKED_REASON))
                .contains(answer.expectedReason());
        assertThat(posts("/helpdesk", "ticketId", ticketId)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injectedIntoConversation")
    void noInjectedReplyIsSentAndARepSeesWhy(Injected answer) throws Exception {
        ollama.answerByDefault(classified(answer.text()));
        String conversationId = "INJ-C-" + answer.number();
        ProcessInstance conversation = message(conversationId);

        assertThat(conversation).hasNotPassed(ConversationProcess.Element.SEND_AI_REPLY)
                .isWaitingAt(ConversationProcess.Element.REPLY_TO_CONTACT);
        assertThat(task(conversation)).hasCandidateGroup("sales-reps");
        assertThat((String) runtimeService().getVariable(conversation.getId(), ConversationProcess.Variable.AUTO_SEND_BLOCKED_REASON))
                .contains("failed the guard").contains(answer.expectedReason());
        assertThat(posts("/chat", "conversationId", conversationId)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanSupportAnswers")
    void aCleanGroundedSupportAnswerStillGoesOutAutomatically(String text) throws Exception {
        ollama.answerByDefault(supportAnswer(text, 0.95));
        String ticketId = "CLEAN-S-" + Math.abs(text.hashCode());
        ProcessInstance ticket = ticket(ticketId);

        assertThat(ticket).isEnded().hasPassed(SupportEscalationProcess.Element.SEND_ANSWER, SupportEscalationProcess.Element.ANSWERED_AUTOMATICALLY)
                .variables().containsEntry(SupportEscalationProcess.Variable.GROUNDED, true)
                .containsEntry(SupportEscalationProcess.Variable.AUTO_SEND_BLOCKED_REASON, "");
        assertThat(posts("/helpdesk", "ticketId", ticketId)).singleElement()
                .satisfies(body -> assertThat(JSON.readTree(body).at("/data/answer").asText()).isEqualTo(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanConversationReplies")
    void aCleanReplyStillGoesOutAutomatically(String text) throws Exception {
        ollama.answerByDefault(classified(text));
        String conversationId = "CLEAN-C-" + Math.abs(text.hashCode());
        ProcessInstance conversation = message(conversationId);

        assertThat(conversation).hasPassed(ConversationProcess.Element.SEND_AI_REPLY).variables()
                .containsEntry(ConversationProcess.Variable.AUTO_SEND_BLOCKED_REASON, "");
        assertThat(posts("/chat", "conversationId", conversationId)).singleElement()
                .satisfies(body -> assertThat(JSON.readTree(body).at("/data/reply").asText()).isEqualTo(text));
    }

    private static FakeOllama.Reply supportAnswer(String answer, double confidence) {
        return FakeOllama.Reply.content(JSON.createObjectNode().put("intent", "find my tasks").put("sentiment", "neutral")
                .put("answer", answer).put("confidence", confidence).put("usedArticles", "working-tasks-in-tasklist").toString());
    }

    private static FakeOllama.Reply classified(String reply) {
        return FakeOllama.Reply.content(JSON.createObjectNode().put("objection", "none").put("awarenessLevel", 2)
                .put("sentiment", "positive").put("reply", reply).toString());
    }

    private static ProcessInstance ticket(String ticketId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(SupportEscalationProcess.Variable.TICKET_ID, ticketId);
        variables.put(SupportEscalationProcess.Variable.TICKET_SUBJECT, "Tasks");
        variables.put(SupportEscalationProcess.Variable.TICKET_TEXT, TICKET);
        variables.put(SupportEscalationProcess.Variable.CUSTOMER_EMAIL, "kim@customer.example");
        variables.put(SupportEscalationProcess.Variable.CUSTOMER_NAME, "Kim");
        variables.put(SupportEscalationProcess.Variable.CUSTOMER_TIER, "standard");
        variables.put(SupportEscalationProcess.Variable.HANDOFF_SCORE, 0.0);
        ProcessInstance ticket = start(SupportEscalationProcess.KEY, ticketId, variables);
        runJobs(ticket);
        return ticket;
    }

    private static ProcessInstance message(String conversationId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ConversationProcess.Variable.CONVERSATION_ID, conversationId);
        variables.put(ConversationProcess.Variable.TEXT, "Hi! What does circuitos do?");
        variables.put(ConversationProcess.Variable.CONTACT_NAME, "Alex Morgan");
        variables.put(ConversationProcess.Variable.CHANNEL, "chat");
        return correlate(ConversationProcess.Message.CONVERSATION_MESSAGE, conversationId, variables);
    }

    /** What the capture server received on {@code path} for this business key (it serves the whole class). */
    private static List<String> posts(String path, String keyField, String key) throws Exception {
        List<String> bodies = new java.util.ArrayList<>();
        for (ChannelCapture.Post post : channels.posts(path)) {
            if (key.equals(JSON.readTree(post.body()).at("/data/" + keyField).asText())) {
                bodies.add(post.body());
            }
        }
        return bodies;
    }
}
