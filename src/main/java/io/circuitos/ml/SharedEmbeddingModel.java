package io.circuitos.ml;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/**
 * The one in-process all-MiniLM-L6-v2 model (offline), shared by text models and the knowledge base:
 * loaded once, on first use. Single texts are embedded once: a support ticket's text is embedded for
 * retrieval and its vector reused by the escalation-risk model (and by cross-validation, which sees
 * every training row five times). Batches (indexing the knowledge base) are not cached.
 */
public final class SharedEmbeddingModel implements EmbeddingModel {

    /** ~15 MB of vectors: the latest tickets, or a training set. */
    static final int CACHED_TEXTS = 10_000;

    private final EmbeddingModel model;
    private final Cache<String, Embedding> byText = Caffeine.newBuilder().maximumSize(CACHED_TEXTS).build();

    private SharedEmbeddingModel(EmbeddingModel model) {
        this.model = model;
    }

    private static final class Holder {
        static {
            System.setProperty("ai.djl.offline", "true"); // the tokenizer would otherwise try to download on first use
        }

        static final SharedEmbeddingModel INSTANCE = new SharedEmbeddingModel(new AllMiniLmL6V2EmbeddingModel());
    }

    public static EmbeddingModel get() {
        return Holder.INSTANCE;
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
