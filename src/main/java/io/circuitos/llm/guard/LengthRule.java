package io.circuitos.llm.guard;

import java.util.List;

/** Longer than {@code circuitos.llm.guard.max-length} characters. */
public record LengthRule(int maxLength) implements GuardRule {

    @Override
    public List<Violation> check(String field, String raw, String normalized, GuardContext context) {
        return raw.length() > maxLength
                ? List.of(new Violation(Category.LENGTH, field, "is longer than " + maxLength + " characters"))
                : List.of();
    }
}
