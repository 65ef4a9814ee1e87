package io.circuitos.ml;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/**
 * The one in-process all-MiniLM-L6-v2 model (offline, quantized to 8 bits: half the CPU of full precision at the same
 * retrieval quality, docs/decisions/0020), shared by text models and the knowledge base:
 * loaded once, by {@link EmbeddingModelLoader}. Single texts are embedded once: a support ticket's text is embedded for
 * retrieval and its vector reused by the escalation-risk model (and by cross-validation, which sees
 * every training row five times). Batches (indexing the knowledge base) are not cached.
 */
public final class SharedEmbeddingModel implements EmbeddingModel {

    /**
     * At most 64 MB of texts and vectors (a vector is 1.5 KB; a ticket text a few KB): the latest few
     * thousand tickets, or a training set. By weight, not count, so long texts cannot fill the heap.
     */
    static final long CACHE_BYTES = 64L << 20;

    private final EmbeddingModel model;
    private final Cache<String, Embedding> byText = Caffeine.newBuilder().maximumWeight(CACHE_BYTES)
            .weigher((String text, Embedding vector) -> 2 * text.length() + 4 * vector.dimension() + 64).build();

    private SharedEmbeddingModel(EmbeddingModel model) {
        this.model = model;
    }

    static {
        System.setProperty("ai.djl.offline", "true"); // the tokenizer would otherwise try to download on first use
    }

    private static final EmbeddingModelLoader LOADER = new EmbeddingModelLoader(() -> new SharedEmbeddingModel(new MiniLm(MiniLm.Weights.QUANTIZED)));

    /** The model, loaded by the first caller (see {@link EmbeddingModelLoader}); throws {@link EmbeddingUnavailableException} if it cannot be. */
    public static EmbeddingModel get() {
        return LOADER.load();
    }

    /** The one loader of this JVM: its state is the {@code knowledge} health. */
    public static EmbeddingModelLoader loader() {
        return LOADER;
    }

    @Override
    public Response<Embedding> embed(String text) {
        return Response.from(byText.get(text, t -> model.embed(t).content()));
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        return embed(segment.text());
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return model.embedAll(segments);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }
}
