package io.circuitos.llm.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers (7 to 15 digits, in digits or words) not on {@code circuitos.llm.guard.allowed-phone-numbers}. */
public final class PhoneRule implements GuardRule {

    private static final Pattern PHONE = Pattern.compile("(?<![\\w.,$€£])\\+?\\(?\\d(?:[\\s().,/-]{0,3}\\d){6,14}(?![\\w%])");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final List<String> allowed;

    public PhoneRule(List<String> allowedNumbers) {
        this.allowed = allowedNumbers.stream().map(PhoneRule::digits).filter(d -> d.length() >= 7).toList();
    }

    @Override
    public List<Violation> check(String field, String raw, String normalized, GuardContext context) {
        Matcher phone = PHONE.matcher(normalized);
        while (phone.find()) {
            String number = phone.group().strip();
            if (!ISO_DATE.matcher(number).matches() && !allowed(digits(number))) {
                return List.of(new Violation(Category.PHONE, field, "contains a phone number (" + number + ") that is not an allowed number"));
            }
        }
        return List.of();
    }

    private boolean allowed(String digits) {
        return allowed.stream().anyMatch(a -> a.endsWith(digits) || digits.endsWith(a));
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }
}
