package io.circuitos.bench;

import io.circuitos.support.FakeOllama;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/**
 * Not a test: licensing applications paced at R per second for S seconds against the whole
 * application (job executor on, fake Ollama answering at once), on the database given. Prints
 * p50/p99 of webhook sent → band decided (the band variable's creation) and, for FAST_TRACK and
 * QUALIFIED ones, webhook sent → rep's task created. Arguments: {@code jdbcUrl [rate=50] [seconds=20]}.
 */
public final class LicensingBenchmark {

    private static final String FORMS_SECRET = "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1mb3Jtcy1zZWNyZXQtMDE=";
    private static final String[][] PROFILES = { // capital, years, passion: FAST_TRACK, QUALIFIED, NURTURE, NOT_QUALIFIED
            {"200000", "6", "10"}, {"160000", "5", "3"}, {"120000", "3", "1"}, {"20000", "0", "5"}};

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (FakeOllama ollama = new FakeOllama();
             RunningApp app = RunningApp.start(jdbcUrl, true, "circuitos.llm.base-url=" + ollama.baseUrl(),
                     "circuitos.webhooks.sources.forms.rate-limit-per-minute=100000000", "circuitos.demo-data.enabled=false")) {
            ollama.answerByDefault(FakeOllama.Reply.content("{\"roi\":\"r\",\"nextSteps\":\"n\",\"objections\":\"o\",\"subject\":\"s\",\"body\":\"b\"}"));
            SignedWebhooks webhooks = new SignedWebhooks(app.baseUrl());
            String run = Long.toString(System.currentTimeMillis(), 36);
            long start = System.nanoTime();
            Map<String, Instant> sentAt = PacedLoad.send(rate, seconds, i -> "BENCH-" + run + "-" + i, i -> () -> {
                String[] p = PROFILES[i % PROFILES.length];
                return webhooks.sendQueued("forms", FORMS_SECRET, "msg_" + UUID.randomUUID(), Instant.now(), """
                        {"type":"licensing.application_submitted","data":{"applicationId":"%s",
                         "applicant":{"name":"Bench","email":"bench@applicant.example"},
                         "liquidCapital":%s,"yearsExperience":%s,"passionScore":%s}}""".formatted("BENCH-" + run + "-" + i, p[0], p[1], p[2]))
                        .statusCode();
            });
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            HistoryService history = app.bean(HistoryService.class);
            int expected = rate * seconds;
            List<Long> banded = PacedLoad.untilVariable(history, "band", sentAt);
            List<Long> tasks = new ArrayList<>();
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().list()) {
                String key = history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
                if (sentAt.containsKey(key)) {
                    tasks.add(task.getStartTime().getTime() - sentAt.get(key).toEpochMilli());
                }
            }
            System.out.printf(Locale.ROOT, "%d applications sent in %.1f s (%.1f/s)%n", expected, sendSeconds, expected / sendSeconds);
            System.out.printf(Locale.ROOT, "sent → band decided: n=%d p50 %d ms p99 %d ms%n", banded.size(), PacedLoad.percentile(banded, 0.5), PacedLoad.percentile(banded, 0.99));
            System.out.printf(Locale.ROOT, "sent → rep's task created (FAST_TRACK, QUALIFIED): n=%d p50 %d ms p99 %d ms%n",
                    tasks.size(), PacedLoad.percentile(tasks, 0.5), PacedLoad.percentile(tasks, 0.99));
        }
    }
}
