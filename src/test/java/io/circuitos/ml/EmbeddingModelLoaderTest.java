package io.circuitos.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.circuitos.knowledge.KnowledgeHealthIndicator;
import io.circuitos.llm.LlmHealthIndicator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The embedding model loads once whoever asks, and a load that fails degrades with its reason instead of failing again and again. */
class EmbeddingModelLoaderTest {

    @Test
    void manyThreadsAskingAtOnceLoadTheModelOnce() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        EmbeddingModel model = new MiniLm(MiniLm.Weights.FULL);
        EmbeddingModelLoader loader = new EmbeddingModelLoader(() -> {
            loads.incrementAndGet();
            return model;
        });
        assertThat(new KnowledgeHealthIndicator(loader).health().getStatus()).isEqualTo(Status.UNKNOWN);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<EmbeddingModel>> asked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            asked.add(pool.submit(() -> {
                go.await();
                return loader.load();
            }));
        }
        go.countDown();
        for (Future<EmbeddingModel> answer : asked) {
            assertThat(answer.get()).isSameAs(model);
        }
        pool.shutdown();

        assertThat(loads).hasValue(1);
        assertThat(new KnowledgeHealthIndicator(loader).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aModelThatCannotLoadDegradesWithTheReasonAndIsNotRetried() {
        AtomicInteger loads = new AtomicInteger();
        EmbeddingModelLoader loader = new EmbeddingModelLoader(() -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
        });

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(loader::load).isInstanceOf(EmbeddingUnavailableException.class).hasMessageContaining("no onnxruntime");
        }
        assertThat(loads).hasValue(1);
        Health health = new KnowledgeHealthIndicator(loader).health();
        assertThat(health.getStatus()).isEqualTo(LlmHealthIndicator.DEGRADED);
        assertThat(health.getDetails().get("reason").toString()).contains("no onnxruntime");
        assertThat(EmbeddingUnavailableException.causes(new IllegalStateException("bean", new EmbeddingUnavailableException("x", null)))).isTrue();
    }
}
