package io.circuitos.llm.guard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses other than the recipient's, however written ({@code [at]}, {@code ＠}, {@code &#64;}, {@code at … dot}). */
public final class EmailRule implements GuardRule {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+\\s*@\\s*[\\p{L}\\p{N}-]+(?:\\s*\\.\\s*[\\p{L}\\p{N}-]+)+");

    @Override
    public List<Violation> check(String field, String raw, String normalized, GuardContext context) {
        String recipient = context.recipientEmail() == null ? null : canonical(TextNormalizer.normalize(context.recipientEmail()));
        Set<String> others = new LinkedHashSet<>();
        Matcher email = EMAIL.matcher(normalized);
        while (email.find()) {
            String address = canonical(email.group());
            if (!address.equals(recipient)) {
                others.add(address);
            }
        }
        return others.isEmpty() ? List.of()
                : List.of(new Violation(Category.EMAIL, field, "contains another person's email address (" + String.join(", ", others) + ")"));
    }

    private static String canonical(String address) {
        return address.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
