package io.circuitos.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Whether an answer says what the retrieved articles say: the share of its content sentences (three or
 * more content words; greetings and "hope this helps" are not claims) whose similarity to a passage of the
 * articles reaches a threshold. Deterministic for a given embedding model; the model's own confidence
 * plays no part.
 */
public final class Grounding {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]{2,}");
    private static final Set<String> NOT_CONTENT = Set.of("the", "and", "for", "you", "your", "yours", "our", "ours", "with",
            "this", "that", "these", "those", "are", "was", "were", "will", "can", "could", "would", "should", "have", "has",
            "had", "not", "but", "all", "any", "please", "thanks", "thank", "hope", "helps", "hello", "dear", "regards", "best",
            "let", "know", "questions", "question", "other", "further", "more", "feel", "free", "reach", "reaching", "out",
            "glad", "happy", "sorry", "there", "here", "from", "what", "when", "which", "who", "how", "it's", "i'm", "we're",
            "you're", "also", "just", "then", "than", "into", "about", "again", "anything", "else", "team", "support");
    private static final int MIN_CONTENT_WORDS = 3;

    public record Result(double share, int supported, int sentences, List<String> unsupported, double minSimilarity, double minShare) {

        public boolean grounded() {
            return sentences > 0 && share >= minShare;
        }

        /** For people: how many sentences the articles support and which they do not. */
        public String note() {
            if (sentences == 0) {
                return "no statement to check against the help articles";
            }
            String head = supported + " of " + sentences + " sentences supported by the retrieved help articles (grounding "
                    + String.format(Locale.ROOT, "%.2f", share) + ", needs " + String.format(Locale.ROOT, "%.2f", minShare) + ")";
            return unsupported.isEmpty() ? head : head + "; not supported: \u201C" + String.join("\u201D, \u201C", unsupported) + "\u201D";
        }
    }

    private final double minSimilarity;
    private final double minShare;

    public Grounding(double minSimilarity, double minShare) {
        this.minSimilarity = minSimilarity;
        this.minShare = minShare;
    }

    /** @param similarity a sentence's best similarity with the retrieved articles (cosine, -1 to 1) */
    public Result measure(String answer, ToDoubleFunction<String> similarity) {
        List<String> unsupported = new ArrayList<>();
        int sentences = 0;
        for (String sentence : SENTENCE_END.split(answer == null ? "" : answer.strip())) {
            String claim = sentence.strip();
            if (contentWords(claim) < MIN_CONTENT_WORDS) {
                continue;
            }
            sentences++;
            if (similarity.applyAsDouble(claim) < minSimilarity) {
                unsupported.add(claim);
            }
        }
        double share = sentences == 0 ? 0 : Math.round((sentences - unsupported.size()) * 100.0 / sentences) / 100.0;
        return new Result(share, sentences - unsupported.size(), sentences, unsupported, minSimilarity, minShare);
    }

    static int contentWords(String sentence) {
        return (int) WORD.matcher(sentence.toLowerCase(Locale.ROOT)).results().map(m -> m.group())
                .filter(w -> !NOT_CONTENT.contains(w)).count();
    }
}
