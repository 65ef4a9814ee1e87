package io.circuitos.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.circuitos.ml.MiniLm;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Not product code: batching as the benchmark measures it. Several texts (each at most 512 word pieces) padded into one
 * ONNX run, mean-pooled over their own tokens and normalised: the same vectors as one run per text (LangChain4j's
 * encoder, which runs one text at a time), bar float rounding.
 */
final class PaddedBatchEncoder implements AutoCloseable {

    static final int MAX_TOKENS = 512;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    PaddedBatchEncoder(MiniLm.Weights weights) throws Exception {
        session = weights.session();
        try (InputStream in = weights.tokenizer()) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
        }
    }

    int tokens(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    float[][] embed(List<String> texts) throws OrtException {
        Encoding[] encodings = texts.stream().map(tokenizer::encode).toArray(Encoding[]::new);
        int length = 0;
        for (Encoding encoding : encodings) {
            length = Math.max(length, encoding.getIds().length);
        }
        long[] ids = new long[texts.size() * length];
        long[] mask = new long[ids.length];
        long[] types = new long[ids.length];
        for (int row = 0; row < encodings.length; row++) {
            System.arraycopy(encodings[row].getIds(), 0, ids, row * length, encodings[row].getIds().length);
            System.arraycopy(encodings[row].getAttentionMask(), 0, mask, row * length, encodings[row].getAttentionMask().length);
            System.arraycopy(encodings[row].getTypeIds(), 0, types, row * length, encodings[row].getTypeIds().length);
        }
        long[] shape = {texts.size(), length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", idsTensor, "attention_mask", maskTensor));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[texts.size()][];
                for (int row = 0; row < vectors.length; row++) {
                    vectors[row] = meanOfOwnTokens(hidden[row], encodings[row].getIds().length);
                }
                return vectors;
            }
        }
    }

    private static float[] meanOfOwnTokens(float[][] hidden, int tokens) {
        float[] mean = new float[hidden[0].length];
        for (int t = 0; t < tokens; t++) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += hidden[t][d] / tokens;
            }
        }
        double norm = 0;
        for (float v : mean) {
            norm += v * v;
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= (float) Math.sqrt(norm);
        }
        return mean;
    }

    @Override
    public void close() throws Exception {
        session.close();
        tokenizer.close();
    }
}
