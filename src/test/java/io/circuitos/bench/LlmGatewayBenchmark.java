package io.circuitos.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import io.circuitos.llm.LlmConfiguration;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.llm.PromptTemplate;
import io.circuitos.support.FakeOllama;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: what a call through {@link LlmGateway#complete} costs when the model itself takes no
 * time (fake Ollama answering at once on loopback): prompt rendering, LangChain4j, the HTTP
 * exchange, the circuit breaker and answer parsing; and, as the baseline, the same request posted
 * through the same HTTP client with nothing around it.
 * Arguments: {@code [calls=3000]}.
 */
public final class LlmGatewayBenchmark {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        ObjectMapper json = new ObjectMapper();
        try (FakeOllama ollama = new FakeOllama()) {
            LlmGateway gateway = LlmConfiguration.gateway(new LlmProperties(ollama.baseUrl(), "fake-model", Duration.ofSeconds(5),
                    new LlmProperties.Budget(4, 6000), new LlmProperties.Guard(1500, List.of(), List.of(), List.of(), List.of()), new LlmProperties.Grounding(0.45, 0.8),
                    new LlmProperties.Breaker(50, 10, 4, Duration.ofSeconds(30)), java.util.Map.of(), java.util.Map.of()));
            PromptTemplate template = new PromptLibrary().get("lost-opportunity-reengagement");
            Map<String, Object> variables = Map.of("contactName", "Dana", "company", "Northwind", "lossReason", "price");
            gateway.complete(template, variables);
            String sameRequest = json.writeValueAsString(ollama.requests().get(0));
            // the same request over the same HTTP transport LangChain4j uses, with nothing around it
            JdkHttpClient http = JdkHttpClient.builder().httpClientBuilder(
                    java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)).build();
            HttpRequest bareRequest = HttpRequest.builder().method(HttpMethod.POST).url(ollama.baseUrl() + "/api/chat")
                    .addHeader("Content-Type", "application/json").body(sameRequest).build();
            long[] bare = new long[calls];
            long[] viaGateway = new long[calls];
            for (int round = 0; round < 2; round++) { // the first round warms up the JIT
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    json.readTree(http.execute(bareRequest).body()).at("/message/content").asText();
                    bare[i] = System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    gateway.complete(template, variables);
                    viaGateway[i] = System.nanoTime() - t0;
                }
                ollama.requests().clear();
            }
            Arrays.sort(bare);
            Arrays.sort(viaGateway);
            System.out.printf(Locale.ROOT, "bare POST + JSON parse (baseline):          p50 %.3f ms  p99 %.3f ms%n",
                    p(bare, 0.50), p(bare, 0.99));
            System.out.printf(Locale.ROOT, "%d calls, fake Ollama answering at once on loopback%n", calls);
            System.out.printf(Locale.ROOT, "LlmGateway.complete, whole call incl. HTTP: p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                    p(viaGateway, 0.50), p(viaGateway, 0.99), viaGateway[calls - 1] / 1e6);
            System.out.printf(Locale.ROOT, "added by the gateway (difference of percentiles): p50 %.3f ms  p99 %.3f ms%n",
                    p(viaGateway, 0.50) - p(bare, 0.50), p(viaGateway, 0.99) - p(bare, 0.99));
        }
    }

    private static double p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }
}
