package io.circuitos.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Builds the knowledge base's index (and so loads the embedding model) in the background once the
 * application is up, so the first support tickets do not wait seconds for it.
 * {@code circuitos.knowledge.warm-up=false} keeps it lazy (tests that never search).
 */
public class KnowledgeWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWarmUp.class);

    private final ObjectProvider<KnowledgeBase> knowledge;

    public KnowledgeWarmUp(ObjectProvider<KnowledgeBase> knowledge) {
        this.knowledge = knowledge;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            knowledge.getObject().search("warm up", 1);
            LOG.info("knowledge base indexed in {} ms", (System.nanoTime() - started) / 1_000_000);
        }, "knowledge-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
