package io.circuitos.ml;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the embedding model once, under one lock, whoever asks first (the start-up warm-up, or a job on
 * a lazy start). A failure is remembered with its reason and never retried: the knowledge base and the
 * text models degrade, {@code /actuator/health} says why, and no second native load is attempted.
 */
public final class EmbeddingModelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingModelLoader.class);

    private final Supplier<EmbeddingModel> factory;
    private EmbeddingModel model;
    private String failure;

    public EmbeddingModelLoader(Supplier<EmbeddingModel> factory) {
        this.factory = factory;
    }

    /** The model, loading it on the first call; {@link EmbeddingUnavailableException} with the reason if it cannot load. */
    public synchronized EmbeddingModel load() {
        if (model != null) {
            return model;
        }
        if (failure != null) {
            throw new EmbeddingUnavailableException(failure, null);
        }
        long started = System.nanoTime();
        try {
            model = factory.get();
            LOG.info("embedding model loaded in {} ms on thread {}", (System.nanoTime() - started) / 1_000_000, Thread.currentThread().getName());
            return model;
        } catch (RuntimeException | LinkageError e) { // LinkageError: the native library did not load
            failure = "the embedding model cannot be loaded: " + e;
            LOG.error("{}; the knowledge base and text models are degraded until the next start", failure, e);
            throw new EmbeddingUnavailableException(failure, e);
        }
    }

    public synchronized boolean loaded() {
        return model != null;
    }

    /** Why the model is unavailable, once a load has failed. */
    public synchronized Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
