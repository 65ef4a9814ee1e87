package io.circuitos.llm.guard;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The phrases of {@code circuitos.llm.guard.banned-phrases} (promises), as whole words, in any disguise the normalizer undoes. */
public final class PromiseRule implements GuardRule {

    private record Phrase(String text, Pattern pattern) {
    }

    private final List<Phrase> phrases;

    public PromiseRule(List<String> bannedPhrases) {
        this.phrases = bannedPhrases.stream().filter(p -> !p.isBlank()).map(p -> new Phrase(p, pattern(p))).toList();
    }

    private static Pattern pattern(String phrase) {
        String normalized = TextNormalizer.normalize(phrase).toLowerCase(Locale.ROOT).strip();
        String start = Character.isLetterOrDigit(normalized.charAt(0)) ? "(?<![\\p{L}\\p{N}])" : "";
        String end = Character.isLetterOrDigit(normalized.charAt(normalized.length() - 1)) ? "(?![\\p{L}\\p{N}])" : "";
        return Pattern.compile(start + Pattern.quote(normalized).replace(" ", "\\E\\s+\\Q") + end);
    }

    @Override
    public List<Violation> check(String field, String raw, String normalized, GuardContext context) {
        String lower = normalized.toLowerCase(Locale.ROOT);
        return phrases.stream().filter(p -> p.pattern().matcher(lower).find())
                .map(p -> new Violation(Category.PROMISE, field, "makes a promise: banned phrase '" + p.text() + "'"))
                .toList();
    }
}
