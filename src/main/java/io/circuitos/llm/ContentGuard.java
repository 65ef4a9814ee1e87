package io.circuitos.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a draft before it can leave: length, promises and other banned phrases, prices or
 * discounts the offer catalogue does not contain, and personal data of anybody but the recipient
 * (other email addresses, phone numbers). The rules are configuration ({@code circuitos.llm.guard}).
 */
public class ContentGuard {

    private static final Pattern PRICE = Pattern.compile(
            "(?i)(?:[$€£]\\s?\\d+(?:[.,]\\d+)*|\\d+(?:[.,]\\d+)*\\s?(?:%|percent\\b|usd\\b|eur\\b|gbp\\b|dollars?\\b|euros?\\b))");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{7,}\\d");

    private final LlmProperties.Guard rules;

    public ContentGuard(LlmProperties.Guard rules) {
        this.rules = rules;
    }

    public record Result(boolean passed, List<String> violations) {

        public String summary() {
            return passed ? "passed" : "failed: " + String.join("; ", violations);
        }
    }

    /** @param recipientEmail the only address the text may contain */
    public Result check(Map<String, String> fields, String recipientEmail) {
        List<String> violations = new ArrayList<>();
        fields.forEach((field, text) -> {
            if (text.length() > rules.maxLength()) {
                violations.add(field + " longer than " + rules.maxLength() + " characters");
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String phrase : rules.bannedPhrases()) {
                if (lower.contains(phrase.toLowerCase(Locale.ROOT))) {
                    violations.add(field + " contains banned phrase '" + phrase + "'");
                }
            }
            Matcher price = PRICE.matcher(text);
            while (price.find()) {
                if (!inCatalogue(price.group())) {
                    violations.add(field + " mentions a price or discount not in the catalogue: '" + price.group().trim() + "'");
                }
            }
            Matcher email = EMAIL.matcher(text);
            while (email.find()) {
                if (recipientEmail == null || !email.group().equalsIgnoreCase(recipientEmail)) {
                    violations.add(field + " contains another person's email address");
                }
            }
            if (PHONE.matcher(text).find()) {
                violations.add(field + " contains a phone number");
            }
        });
        return new Result(violations.isEmpty(), violations);
    }

    private boolean inCatalogue(String mention) {
        String normalized = normalize(mention);
        return rules.cataloguePrices().stream().anyMatch(p -> normalize(p).equals(normalized));
    }

    private static String normalize(String price) {
        return price.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
