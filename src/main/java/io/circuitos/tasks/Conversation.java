package io.circuitos.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A conversation as the list of its messages, in order, each with who wrote it: the JSON text kept in the
 * variable {@code messages} ({@code [{"author": "customer", "text": "...", "at": "2026-..."}]}) and the
 * {@code transcript} a person reads on a form.
 */
public final class Conversation {

    /** Who may write a message, and how a person sees them named. */
    public static final Map<String, String> AUTHORS = Map.of("customer", "Customer", "ai", "AI", "rep", "Rep");

    /** The engine keeps a text variable in 4,000 characters; the transcript shows the newest messages that fit. */
    static final int TRANSCRIPT_MAX_LENGTH = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Message(String author, String text, Instant at, boolean delivered) {
    }

    private Conversation() {
    }

    /** The messages of a stored {@code messages} value (JSON text or a JSON variable); none when it is unset or unreadable. */
    public static List<Message> parse(Object stored) {
        if (stored == null) {
            return List.of();
        }
        JsonNode list;
        try {
            list = stored instanceof JsonNode read ? read : JSON.readTree(stored.toString()); // the trail hands over JSON it already read
        } catch (JsonProcessingException unreadable) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>();
        if (!list.isArray()) {
            return messages;
        }
        for (JsonNode message : list) {
            messages.add(new Message(message.path("author").asText(""), message.path("text").asText(""),
                    instant(message.path("at").asText(null)), message.path("delivered").asBoolean(true)));
        }
        return messages;
    }

    /** A time the trail can show; none when the stored text is not one (the variable may have been set by other means). */
    private static Instant instant(String at) {
        try {
            return at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    /** {@code stored} with one message more, as JSON text. */
    public static String append(Object stored, Message message) {
        if (!AUTHORS.containsKey(message.author())) {
            throw new IllegalArgumentException("message author '" + message.author() + "' is none of " + String.join(", ", AUTHORS.keySet()));
        }
        List<Message> messages = new ArrayList<>(parse(stored));
        messages.add(message);
        return toJson(messages);
    }

    static String toJson(List<Message> messages) {
        ArrayNode list = JSON.createArrayNode();
        for (Message message : messages) {
            ObjectNode node = list.addObject().put("author", message.author()).put("text", message.text())
                    .put("at", message.at() == null ? null : message.at().toString());
            if (!message.delivered()) {
                node.put("delivered", false);
            }
        }
        return list.toString();
    }

    /**
     * "Customer: …" lines, oldest first; when they do not fit the engine's text column, the newest
     * that do, after a line saying how many earlier ones the trail has.
     */
    public static String transcript(List<Message> messages) {
        List<String> lines = messages.stream().map(Conversation::line).toList();
        StringBuilder kept = new StringBuilder();
        int first = lines.size();
        while (first > 0 && kept.length() + lines.get(first - 1).length() + 1 + 80 <= TRANSCRIPT_MAX_LENGTH) {
            first--;
            kept.insert(0, lines.get(first) + (kept.length() == 0 ? "" : "\n"));
        }
        if (first > 0) {
            kept.insert(0, "(" + first + " earlier message" + (first == 1 ? "" : "s") + ": see the trail)\n");
        }
        return kept.length() > TRANSCRIPT_MAX_LENGTH ? kept.substring(kept.length() - TRANSCRIPT_MAX_LENGTH) : kept.toString();
    }

    private static String line(Message message) {
        String who = AUTHORS.getOrDefault(message.author(), message.author().toUpperCase(Locale.ROOT));
        return who + (message.delivered() ? "" : " (not delivered)") + ": " + message.text();
    }
}
