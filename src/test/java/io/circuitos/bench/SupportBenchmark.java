package io.circuitos.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;

/**
 * Not a test: help-desk tickets paced at R per second for S seconds against the whole application
 * (job executor on, fake Ollama answering at once), on the database given. Prints p50/p99 of
 * webhook sent → ticket routed (the {@code route} variable's creation: retrieval, LLM answer, risk
 * score and routing decision done). Arguments: {@code jdbcUrl [rate=50] [seconds=20]}.
 */
public final class SupportBenchmark {

    private static final String HELPDESK_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1oZWxwZGVzay1zZWNyZXQtMDE=";
    private static final String[] QUESTIONS = {
            "Where do I find my tasks in Tasklist?", "My webhook keeps getting 401, how do I sign it?",
            "How do I change the threshold of the urgent band?", "I was charged a late fee although I paid on time, refund it."};

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
            String run = Long.toString(System.currentTimeMillis(), 36);
            long start = System.nanoTime();
            Map<String, Instant> sentAt = PacedLoad.send(rate, seconds, i -> "HD-" + run + "-" + i, i -> () -> webhooks.send("helpdesk",
                    HELPDESK_SECRET, "msg_" + UUID.randomUUID(), Instant.now(), """
                            {"type":"support.ticket_created","data":{"ticketId":"%s","subject":"Question","text":"%s",
                             "customer":{"email":"bench@customer.example","tier":"standard"}}}"""
                            .formatted("HD-" + run + "-" + i, QUESTIONS[i % QUESTIONS.length])).statusCode());
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            List<Long> routed = PacedLoad.untilVariable(app.bean(HistoryService.class), "route", sentAt);
            System.out.printf(Locale.ROOT, "%d tickets sent in %.1f s (%.1f/s)%n", sentAt.size(), sendSeconds, sentAt.size() / sendSeconds);
            System.out.printf(Locale.ROOT, "sent → routed: n=%d p50 %d ms p99 %d ms%n", routed.size(),
                    PacedLoad.percentile(routed, 0.5), PacedLoad.percentile(routed, 0.99));
        }
    }
}
