package io.circuitos.agents.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.agents.conversation.ConversationProcess.Element;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

/**
 * The conversation agent through the whole app, as configuration only: the chat source's signed
 * webhook starts a run, the next message of the same conversation reaches that run, bad input is a
 * 400 naming the field. No Ollama in the tests' app, so a person answers.
 */
class ConversationIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1jaGF0LXNlY3JldC0wMQ=="; // DEMO VALUE of application.yaml

    @Test
    void aChatMessageStartsAConversationAndTheNextOneJoinsIt() throws Exception {
        try (RunningApp app = RunningApp.start("jdbc:h2:mem:conversation-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", true)) {
            SignedWebhooks webhooks = new SignedWebhooks(app.baseUrl());
            HttpResponse<String> first = send(webhooks, "msg_conv_1", "CONV-1", "Is there someone I can talk to about pricing?");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            String run = JSON.readTree(first.body()).get("processInstanceId").asText();

            TaskService tasks = app.bean(TaskService.class);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (tasks.createTaskQuery().processInstanceId(run).taskDefinitionKey(Element.REPLY_TO_CONTACT).count() == 0) {
                assertThat(Instant.now()).as("the rep's task").isBefore(deadline);
                Thread.sleep(100);
            }
            assertThat(tasks.createTaskQuery().processInstanceId(run).singleResult().getName()).isEqualTo("Reply to Jo (conversation CONV-1)");

            HttpResponse<String> next = send(webhooks, "msg_conv_2", "CONV-1", "Also: do you integrate with HubSpot?");
            assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
            assertThat(JSON.readTree(next.body()).get("processInstanceId").asText()).isEqualTo(run);
            assertThat(app.bean(HistoryService.class).createHistoricActivityInstanceQuery().processInstanceId(run)
                    .activityId(Element.MESSAGE_NOTED).count()).isEqualTo(1);

            var http = java.net.http.HttpClient.newHttpClient();
            for (var reader : java.util.Map.of("rep", 200, "agent", 403).entrySet()) {
                var trail = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + "/api/agents/conversation/runs/CONV-1/trace"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((reader.getKey() + ":" + reader.getKey())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(trail.statusCode()).as("%s reads the conversation's trail", reader.getKey()).isEqualTo(reader.getValue());
            }

            HttpResponse<String> noText = webhooks.send("chat", CHAT_SECRET, "msg_conv_3", Instant.now(),
                    "{\"type\":\"conversation.message_received\",\"data\":{\"conversationId\":\"CONV-2\"}}");
            assertThat(noText.statusCode()).isEqualTo(400);
            JsonNode problem = JSON.readTree(noText.body());
            assertThat(problem.get("field").asText()).isEqualTo("data.text");
            HttpResponse<String> badChannel = webhooks.send("chat", CHAT_SECRET, "msg_conv_4", Instant.now(),
                    "{\"type\":\"conversation.message_received\",\"data\":{\"conversationId\":\"CONV-3\",\"text\":\"hi\",\"channel\":\"pigeon\"}}");
            assertThat(badChannel.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badChannel.body()).get("field").asText()).isEqualTo("data.channel");
        }
    }

    private static HttpResponse<String> send(SignedWebhooks webhooks, String id, String conversation, String text) throws Exception {
        return webhooks.send("chat", CHAT_SECRET, id, Instant.now(), JSON.createObjectNode().put("type", "conversation.message_received")
                .set("data", JSON.createObjectNode().put("conversationId", conversation).put("text", text).put("channel", "chat")
                        .set("contact", JSON.createObjectNode().put("name", "Jo").put("email", "jo@prospect.example"))).toString());
    }
}
