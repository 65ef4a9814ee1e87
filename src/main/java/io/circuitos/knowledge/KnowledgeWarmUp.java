package io.circuitos.knowledge;

import io.circuitos.ml.EmbeddingModelLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Loads the embedding model and builds the knowledge base's index during start-up, on the starting
 * thread, before the web server takes requests and the job executor takes jobs (both start later), so
 * the load never races other start-up work or an ad-hoc thread and the first tickets do not wait for it.
 * A model that cannot load leaves the knowledge base degraded (health {@code knowledge}); the start goes on.
 * {@code circuitos.knowledge.warm-up=false} keeps it lazy (tests that never search).
 */
public class KnowledgeWarmUp implements SmartLifecycle {

    /** Before every other lifecycle (the web server's is {@code DEFAULT_PHASE - 1024}). */
    static final int PHASE = Integer.MIN_VALUE + 1000;

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWarmUp.class);

    private final EmbeddingModelLoader model;
    private final ObjectProvider<KnowledgeBase> knowledge;
    private volatile boolean running;

    public KnowledgeWarmUp(EmbeddingModelLoader model, ObjectProvider<KnowledgeBase> knowledge) {
        this.model = model;
        this.knowledge = knowledge;
    }

    @Override
    public void start() {
        running = true;
        long started = System.nanoTime();
        try {
            model.load();
            knowledge.getObject().search("warm up", 1);
            LOG.info("knowledge base indexed in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("knowledge base degraded: {}", model.failure().orElse(e.toString()));
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
