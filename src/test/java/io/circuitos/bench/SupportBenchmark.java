package io.circuitos.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;

/**
 * Not a test: help-desk tickets paced at R per second for S seconds against the whole application
 * (job executor on, fake Ollama answering at once), on the database given. Prints p50/p99 of
 * webhook sent → ticket routed (the {@code route} variable's creation: retrieval, LLM answer, risk
 * score and routing decision done). Each ticket has a text of its own (a CFPB complaint narrative from
 * {@code data/}), so no embedding is served from a cache a real help desk would never hit.
 * Arguments: {@code jdbcUrl [rate=50] [seconds=20]}.
 */
public final class SupportBenchmark {

    private static final String HELPDESK_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1oZWxwZGVzay1zZWNyZXQtMDE=";

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (FakeOllama ollama = new FakeOllama();
             RunningApp app = RunningApp.start(jdbcUrl, true, "circuitos.llm.base-url=" + ollama.baseUrl(),
                     "circuitos.webhooks.sources.helpdesk.rate-limit-per-minute=100000000", "circuitos.demo-data.enabled=false",
                     "circuitos.knowledge.warm-up=true")) {
            Thread.sleep(5000); // let the warm-up index the knowledge base, as it would have long before traffic in production
            ollama.answerByDefault(FakeOllama.Reply.content(new ObjectMapper().createObjectNode().put("intent", "how-to")
                    .put("sentiment", "neutral").put("answer", "See the help article.").put("confidence", 0.9)
                    .put("usedArticles", "working-tasks-in-tasklist").toString()));
            SignedWebhooks webhooks = new SignedWebhooks(app.baseUrl());
            List<String> narratives = narratives(rate * seconds);
            ObjectMapper json = new ObjectMapper();
            String run = Long.toString(System.currentTimeMillis(), 36);
            long start = System.nanoTime();
            Map<String, Instant> sentAt = PacedLoad.send(rate, seconds, i -> "HD-" + run + "-" + i, i -> () -> webhooks.sendQueued("helpdesk",
                    HELPDESK_SECRET, "msg_" + UUID.randomUUID(), Instant.now(), ticket(json, "HD-" + run + "-" + i,
                    narratives.get(i % narratives.size()))).statusCode());
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            List<Long> routed = PacedLoad.untilVariable(app.bean(HistoryService.class), "route", sentAt);
            System.out.printf(Locale.ROOT, "%d tickets sent in %.1f s (%.1f/s)%n", sentAt.size(), sendSeconds, sentAt.size() / sendSeconds);
            System.out.printf(Locale.ROOT, "sent → routed: n=%d p50 %d ms p99 %d ms%n", routed.size(),
                    PacedLoad.percentile(routed, 0.5), PacedLoad.percentile(routed, 0.99));
        }
    }

    private static String ticket(ObjectMapper json, String ticketId, String text) {
        ObjectNode event = json.createObjectNode().put("type", "support.ticket_created");
        ObjectNode data = event.putObject("data").put("ticketId", ticketId).put("subject", "Question").put("text", text);
        data.putObject("customer").put("email", "bench@customer.example").put("tier", "standard");
        return event.toString();
    }

    /** Distinct complaint narratives of at most 1,500 characters, as many as asked for (or as the file has). */
    static List<String> narratives(int wanted) throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        try (Reader in = Files.newBufferedReader(Path.of("data/cfpb-complaints-loans-2023.csv"));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord row : csv) {
                String text = row.get("Consumer complaint narrative").strip();
                if (!text.isEmpty()) {
                    texts.add(text.length() > 1500 ? text.substring(0, 1500) : text);
                }
                if (texts.size() == wanted) {
                    break;
                }
            }
        }
        return new ArrayList<>(texts);
    }
}
