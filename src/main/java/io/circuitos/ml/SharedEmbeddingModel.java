package io.circuitos.ml;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** The one in-process all-MiniLM-L6-v2 model (offline), shared by text models and the knowledge base: loaded once, on first use. */
public final class SharedEmbeddingModel {

    private SharedEmbeddingModel() {
    }

    private static final class Holder {
        static {
            System.setProperty("ai.djl.offline", "true"); // the tokenizer would otherwise try to download on first use
        }

        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2EmbeddingModel();
    }

    public static EmbeddingModel get() {
        return Holder.INSTANCE;
    }
}
