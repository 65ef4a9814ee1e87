package io.circuitos.ml;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;

/**
 * all-MiniLM-L6-v2 as LangChain4j ships it, in full precision or quantized to 8 bits, with one ONNX thread per call that
 * does not spin while it waits: the job threads already embed in parallel, and ONNX's default (a spinning thread per
 * core for every call) burnt a fifth more CPU per ticket under load (bench/README.md).
 */
public final class MiniLm extends AbstractInProcessEmbeddingModel {

    /** The two builds of the model; their vectors differ slightly, so a text model is trained on the build it scores with. */
    public enum Weights {
        FULL("all-minilm-l6-v2"),
        QUANTIZED("all-minilm-l6-v2-q");

        private final String resource;

        Weights(String resource) {
            this.resource = resource;
        }

        /** The tokenizer (Hugging Face JSON) that goes with these weights. */
        public InputStream tokenizer() {
            return resource(resource + "-tokenizer.json");
        }

        /** A session on these weights: one ONNX thread, the caller's, that does not spin. */
        public OrtSession session() {
            try (InputStream model = resource(resource + ".onnx"); OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                return OrtEnvironment.getEnvironment().createSession(model.readAllBytes(), options);
            } catch (IOException | OrtException e) {
                throw new IllegalStateException("cannot load the " + resource + " embedding model", e);
            }
        }

        private InputStream resource(String name) {
            InputStream in = MiniLm.class.getResourceAsStream("/" + name);
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath (langchain4j-embeddings-" + resource + ")");
            }
            return in;
        }
    }

    private final OnnxBertBiEncoder encoder;

    public MiniLm(Weights weights) {
        super(null);
        try (InputStream tokenizer = weights.tokenizer()) {
            encoder = new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), weights.session(), tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the tokenizer of " + weights, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
