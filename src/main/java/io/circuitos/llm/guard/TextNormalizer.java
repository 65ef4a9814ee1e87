package io.circuitos.llm.guard;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Brings a model's text to the one form the guard's rules read, so that a disguise does not get
 * past them: HTML entities decoded ({@code &#64;}, {@code &commat;}, also double-encoded), Unicode
 * compatibility forms folded (NFKC: full-width {@code ＠}, {@code ５}), invisible characters removed,
 * spelled-out punctuation ({@code [at]}, {@code (dot)}, {@code name at host dot example}) and numbers
 * written in words ({@code five five five} → {@code 555}, {@code fifty percent} → {@code 50 percent}).
 * Markup is left in place: the rules refuse it rather than the normalizer hiding it.
 */
public final class TextNormalizer {

    /** HTML5 names of the characters that spell addresses, links and prices (HTML 4's are decoded by Spring). */
    private static final Map<String, String> HTML5_PUNCTUATION = Map.ofEntries(
            Map.entry("&commat;", "@"), Map.entry("&period;", "."), Map.entry("&sol;", "/"), Map.entry("&colon;", ":"),
            Map.entry("&dollar;", "$"), Map.entry("&percnt;", "%"), Map.entry("&plus;", "+"), Map.entry("&lpar;", "("),
            Map.entry("&rpar;", ")"), Map.entry("&lsqb;", "["), Map.entry("&rsqb;", "]"), Map.entry("&lbrack;", "["),
            Map.entry("&rbrack;", "]"), Map.entry("&excl;", "!"), Map.entry("&num;", "#"), Map.entry("&equals;", "="),
            Map.entry("&quest;", "?"), Map.entry("&lowbar;", "_"), Map.entry("&hyphen;", "-"), Map.entry("&dash;", "-"),
            Map.entry("&Tab;", " "), Map.entry("&NewLine;", "\n"));
    private static final Pattern HTML5_NAME = Pattern.compile("&[A-Za-z]+;");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u00AD\\u034F\\u115F\\u1160\\u3164]");
    private static final Pattern BRACKETED_AT = Pattern.compile("(?i)\\s*[\\[({<]\\s*at\\s*[\\])}>]\\s*");
    private static final Pattern BRACKETED_DOT = Pattern.compile("(?i)\\s*[\\[({<]\\s*dot\\s*[\\])}>]\\s*");
    private static final Pattern SPOKEN_DOT = Pattern.compile("(?i)(?<=\\w)\\s+dot\\s+(?=\\w)");
    private static final Pattern SPOKEN_AT = Pattern.compile("(?i)(?<=[\\w.+-])\\s+at\\s+(?=[\\w-]++(?:\\.[\\w-]++)++(?![/:]))");
    private static final Pattern NUMBER_WORDS;
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> SCALES = Map.of("hundred", 100, "thousand", 1000);

    static {
        List<String> words = new ArrayList<>(UNITS.keySet());
        words.addAll(TENS.keySet());
        words.addAll(SCALES.keySet());
        String word = "(?:" + String.join("|", words) + ")";
        // a run of number words joined by spaces, hyphens or "and" ("one hundred and five", "twenty-five")
        NUMBER_WORDS = Pattern.compile("(?i)\\b" + word + "(?:(?:\\s+and\\s+|[\\s-]+)" + word + ")*\\b");
    }

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // decoded again after folding: full-width "＆＃６４；" becomes an entity only then
        String folded = decodeEntities(Normalizer.normalize(decodeEntities(text), Normalizer.Form.NFKC));
        folded = INVISIBLE.matcher(folded).replaceAll("");
        folded = BRACKETED_AT.matcher(folded).replaceAll("@");
        folded = BRACKETED_DOT.matcher(folded).replaceAll(".");
        folded = SPOKEN_DOT.matcher(folded).replaceAll(".");
        folded = SPOKEN_AT.matcher(folded).replaceAll("@");
        return numbersInDigits(folded);
    }

    /** Decodes until nothing changes, so {@code &amp;#64;} is an {@code @} too (bounded: a text cannot loop us). */
    private static String decodeEntities(String text) {
        String current = text;
        for (int round = 0; round < 4; round++) {
            String next = HtmlUtils.htmlUnescape(current);
            Matcher names = HTML5_NAME.matcher(next);
            StringBuilder out = new StringBuilder();
            while (names.find()) {
                names.appendReplacement(out, Matcher.quoteReplacement(HTML5_PUNCTUATION.getOrDefault(names.group(), names.group())));
            }
            names.appendTail(out);
            next = out.toString();
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private static String numbersInDigits(String text) {
        Matcher run = NUMBER_WORDS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (run.find()) {
            run.appendReplacement(out, Matcher.quoteReplacement(digits(run.group())));
        }
        run.appendTail(out);
        return out.toString();
    }

    /** "five five five" is read digit by digit (a phone number); "one hundred and twenty five" as one number. */
    static String digits(String words) {
        List<String> parts = new ArrayList<>();
        for (String part : words.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            if (!part.equals("and")) {
                parts.add(part);
            }
        }
        boolean digitByDigit = parts.size() > 1 && parts.stream().allMatch(p -> UNITS.containsKey(p) && UNITS.get(p) < 10);
        if (digitByDigit) {
            StringBuilder number = new StringBuilder();
            parts.forEach(p -> number.append(UNITS.get(p)));
            return number.toString();
        }
        long total = 0;
        long current = 0;
        for (String part : parts) {
            if (UNITS.containsKey(part)) {
                current += UNITS.get(part);
            } else if (TENS.containsKey(part)) {
                current += TENS.get(part);
            } else if (part.equals("hundred")) {
                current = Math.max(current, 1) * 100;
            } else {
                total += Math.max(current, 1) * SCALES.get(part);
                current = 0;
            }
        }
        return Long.toString(total + current);
    }
}
