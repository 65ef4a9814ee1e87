package io.circuitos.knowledge;

import io.circuitos.llm.LlmHealthIndicator;
import io.circuitos.ml.EmbeddingModelLoader;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code knowledge} in {@code /actuator/health}: UP once the embedding model is loaded, UNKNOWN before
 * its first use (lazy start), DEGRADED with the {@code reason} when it could not be loaded (searches
 * find nothing, text models cannot score; the node keeps serving everything else).
 */
public class KnowledgeHealthIndicator implements HealthIndicator {

    private final EmbeddingModelLoader model;

    public KnowledgeHealthIndicator(EmbeddingModelLoader model) {
        this.model = model;
    }

    @Override
    public Health health() {
        if (model.failure().isPresent()) {
            return Health.status(LlmHealthIndicator.DEGRADED).withDetail("embeddingModel", "not loaded")
                    .withDetail("reason", model.failure().get()).build();
        }
        return model.loaded() ? Health.up().withDetail("embeddingModel", "loaded").build()
                : Health.unknown().withDetail("embeddingModel", "loads on first use").build();
    }
}
