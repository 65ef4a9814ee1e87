package io.circuitos.bench;

import io.circuitos.support.FakeOllama;
import io.circuitos.support.RunningApp;
import io.circuitos.support.SignedWebhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;

/**
 * Not a test: does a slow model starve other work on the job executor? Runs the whole application
 * twice (fake Ollama answering at once, then after {@code delayMs}), each time sending U urgent
 * opportunities (LLM draft) mixed with U low-score ones (scored, banded, ended: "other work"), and
 * prints when all urgent tasks exist and when all the other instances have ended.
 * Arguments: {@code [perKind=100] [delayMs=500]}.
 */
public final class LlmThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 500;
        for (long delay : new long[] {0, delayMs}) {
            run(perKind, delay);
        }
    }

    private static void run(int perKind, long delayMs) throws Exception {
        Path db = Files.createTempDirectory("circuitos-llm-bench");
        try (FakeOllama ollama = new FakeOllama();
             RunningApp app = RunningApp.start("jdbc:h2:file:" + db.resolve("db") + ";LOCK_TIMEOUT=10000", true,
                     "circuitos.llm.base-url=" + ollama.baseUrl(),
                     "circuitos.webhooks.sources.crm.rate-limit-per-minute=100000000")) {
            ollama.answerByDefault(FakeOllama.Reply.json("Picking up where we left off", "Would a short call work?")
                    .after(Duration.ofMillis(delayMs)));
            SignedWebhooks webhooks = new SignedWebhooks(app.baseUrl());
            ExecutorService clients = Executors.newFixedThreadPool(4);
            long started = System.nanoTime();
            for (int i = 0; i < perKind; i++) {
                int n = i;
                clients.submit(() -> webhooks.sendCrm(SignedWebhooks.closedLost("URG-" + n)));
                clients.submit(() -> webhooks.sendCrm(lowScore("LOW-" + n)));
            }
            clients.shutdown();
            clients.awaitTermination(5, TimeUnit.MINUTES);
            TaskService tasks = app.bean(TaskService.class);
            HistoryService history = app.bean(HistoryService.class);
            double othersDone = -1;
            double tasksReady = -1;
            while ((othersDone < 0 || tasksReady < 0) && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(10)) {
                double now = (System.nanoTime() - started) / 1e9;
                if (othersDone < 0 && history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("LOW-%")
                        .finished().count() == perKind) {
                    othersDone = now;
                }
                if (tasksReady < 0 && tasks.createTaskQuery().processInstanceBusinessKeyLike("URG-%").count() == perKind) {
                    tasksReady = now;
                }
                Thread.sleep(100);
            }
            System.out.printf(Locale.ROOT, "model delay %4d ms: %d urgent tasks ready after %6.1f s; %d low-score instances ended after %6.1f s; %d model calls%n",
                    delayMs, perKind, tasksReady, perKind, othersDone, ollama.requests().size());
        }
    }

    private static String lowScore(String opportunityId) {
        return SignedWebhooks.closedLost(opportunityId)
                .replace("\"previousOutcome\": \"success\"", "\"previousOutcome\": \"nonexistent\"")
                .replace("\"month\": \"oct\"", "\"month\": \"may\"")
                .replace("\"previousContacts\": 2", "\"previousContacts\": 0")
                .replace("\"channel\": \"cellular\"", "\"channel\": \"telephone\"")
                .replace("\"contactsThisCampaign\": 1", "\"contactsThisCampaign\": 5")
                .replace("\"daysSinceLastContact\": 6, ", "");
    }
}
