package io.circuitos.bench;

import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmAgentLoop;
import io.circuitos.llm.LlmConfiguration;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.llm.PromptTemplate;
import io.circuitos.llm.guard.GuardContext;
import io.circuitos.support.FakeOllama;
import io.circuitos.support.FakeOllama.Reply;
import io.circuitos.support.FakeOpenAi;
import io.circuitos.support.Ports;
import io.circuitos.tasks.TaskCatalogue;
import io.circuitos.tasks.ToolBox;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Not a test: what the agent loop adds, with fake models answering at once on loopback (one run, compare the rows of one run):
 * <ul>
 *   <li>a loop that answers at once (one model call) against one with a tool round first (two model calls, one tool call):
 *   the difference less one model call is the loop's own cost per tool call (checking the arguments against the spec,
 *   running the task on a view of the run, the result as JSON, recording);</li>
 *   <li>one model call through each wire format (Ollama, OpenAI-compatible);</li>
 *   <li>a failover: the first provider of the chain refuses the connection, the second answers, against the second alone.</li>
 * </ul>
 * The tool is {@code searchKnowledge} as the catalogue describes it, backed by a task that answers at once (the knowledge
 * base's own time is {@code bench/retrieval-benchmark.sh}). Arguments: {@code [loops=2000]}.
 */
public final class LlmAgentBenchmark {

    private static final String ANSWER = "{\"objection\":\"none\",\"awarenessLevel\":2,\"sentiment\":\"neutral\",\"reply\":\"Happy to help.\"}";

    public static void main(String[] args) throws Exception {
        int loops = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        try (FakeOllama ollama = new FakeOllama(); FakeOpenAi cloud = new FakeOpenAi()) {
            ollama.answerByDefault(Reply.content(ANSWER));
            cloud.answerByDefault(Reply.content(ANSWER));
            PromptTemplate prompt = new PromptLibrary().get("conversation-classify");
            PromptTemplate local = tier(prompt, "local");
            PromptTemplate remote = tier(prompt, "remote");
            PromptTemplate failover = tier(prompt, "failover");
            Map<String, LlmProperties.Provider> providers = new LinkedHashMap<>();
            providers.put("cloud", new LlmProperties.Provider("openai-compatible", cloud.baseUrl(), "fake-model", "bench-DEMO", null));
            providers.put("down", new LlmProperties.Provider("openai-compatible", "http://127.0.0.1:" + Ports.closed() + "/v1", "fake-model",
                    "bench-DEMO", null));
            LlmProperties properties = new LlmProperties(ollama.baseUrl(), "fake-model", Duration.ofSeconds(5), new LlmProperties.Budget(1_000_000, 1_000_000_000),
                    new LlmProperties.Guard(1500, List.of(), List.of(), List.of(), List.of()), new LlmProperties.Grounding(0.45, 0.8),
                    // a breaker that never opens: every failover below really meets the refused connection
                    new LlmProperties.Breaker(100, 10, 1_000_000, Duration.ofSeconds(1)), providers,
                    Map.of("local", List.of("ollama"), "remote", List.of("cloud"), "failover", List.of("down", "ollama")));
            LlmGateway gateway = LlmConfiguration.gateway(properties);
            LlmAgentLoop loop = new LlmAgentLoop(gateway, new ContentGuard(properties.guard()), properties.budget());
            JavaDelegate instantSearch = execution -> execution.setVariable("citedArticles", "working-tasks-in-tasklist (0.71)");
            ToolBox tools = new ToolBox(TaskCatalogue.shipped(), name -> instantSearch);
            LlmAgentLoop.Limits limits = new LlmAgentLoop.Limits(10, 10, 1_000_000);

            long[] answerAtOnce = new long[loops];
            long[] oneToolRound = new long[loops];
            long[] openAi = new long[loops];
            long[] viaFailover = new long[loops];
            long[] ollamaAlone = new long[loops];
            for (int round = 0; round < 2; round++) { // the first round warms up the JIT
                for (int i = 0; i < loops; i++) {
                    answerAtOnce[i] = time(() -> run(loop, tools, local, limits));
                    ollama.enqueue(Reply.toolCall("searchKnowledge", "{\"question\":\"pricing\"}"));
                    oneToolRound[i] = time(() -> run(loop, tools, local, limits));
                    openAi[i] = time(() -> run(loop, tools, remote, limits));
                    viaFailover[i] = time(() -> run(loop, tools, failover, limits));
                    ollamaAlone[i] = time(() -> run(loop, tools, local, limits));
                }
                ollama.requests().clear();
                cloud.requests().clear();
            }
            for (long[] sample : List.of(answerAtOnce, oneToolRound, openAi, viaFailover, ollamaAlone)) {
                Arrays.sort(sample);
            }
            System.out.printf(Locale.ROOT, "%d loops of each kind, fake models answering at once on loopback%n", loops);
            line("loop answering at once (1 model call, Ollama)", answerAtOnce);
            line("loop with a tool round (2 model calls, 1 tool)", oneToolRound);
            line("loop answering at once (OpenAI-compatible)", openAi);
            line("failover: first provider refuses, Ollama answers", viaFailover);
            line("Ollama alone, same rounds", ollamaAlone);
            System.out.printf(Locale.ROOT, "per tool call, the loop's own cost (tool round - answer at once - one model call): p50 %.3f ms%n",
                    p(oneToolRound, 0.5) - 2 * p(answerAtOnce, 0.5));
            System.out.printf(Locale.ROOT, "failover's added latency (failover - Ollama alone): p50 %.3f ms  p99 %.3f ms%n",
                    p(viaFailover, 0.5) - p(ollamaAlone, 0.5), p(viaFailover, 0.99) - p(ollamaAlone, 0.99));
        }
    }

    private static PromptTemplate tier(PromptTemplate prompt, String tier) {
        return new PromptTemplate(prompt.id(), prompt.version(), prompt.system(), prompt.user(), prompt.output(), tier);
    }

    private static void run(LlmAgentLoop loop, ToolBox tools, PromptTemplate prompt, LlmAgentLoop.Limits limits) {
        DelegateExecution execution = execution();
        LlmAgentLoop.Outcome outcome = loop.run(execution, prompt, tools.offer(execution, List.of("searchKnowledge")), limits, List.of(),
                new GuardContext(null, List.of()));
        if (!outcome.answered()) {
            throw new IllegalStateException("no answer: " + outcome.stopReason());
        }
    }

    /** A run's variables in a map: what the loop reads and records. */
    private static DelegateExecution execution() {
        Map<String, Object> variables = new HashMap<>(Map.of("text", "How much is it?", "contactName", "Alex", "channel", "chat"));
        return (DelegateExecution) Proxy.newProxyInstance(LlmAgentBenchmark.class.getClassLoader(), new Class<?>[] {DelegateExecution.class},
                (proxy, method, a) -> switch (method.getName()) {
                    case "getVariable" -> variables.get(a[0]);
                    case "getVariables" -> new HashMap<>(variables);
                    case "setVariable" -> variables.put((String) a[0], a[1]);
                    case "getCurrentActivityId" -> "Agent";
                    case "getProcessInstanceId" -> "bench";
                    default -> null;
                });
    }

    private static long time(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return System.nanoTime() - started;
    }

    private static void line(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-50s p50 %7.3f ms  p99 %7.3f ms%n", what, p(sorted, 0.5), p(sorted, 0.99));
    }

    private static double p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }
}
