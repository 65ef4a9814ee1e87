package io.circuitos.llm;

import io.circuitos.llm.guard.Category;
import io.circuitos.llm.guard.EmailRule;
import io.circuitos.llm.guard.GuardContext;
import io.circuitos.llm.guard.GuardRule;
import io.circuitos.llm.guard.ImageRule;
import io.circuitos.llm.guard.LengthRule;
import io.circuitos.llm.guard.LinkRule;
import io.circuitos.llm.guard.MarkupRule;
import io.circuitos.llm.guard.MoneyRule;
import io.circuitos.llm.guard.PhoneRule;
import io.circuitos.llm.guard.PromiseRule;
import io.circuitos.llm.guard.TextNormalizer;
import io.circuitos.llm.guard.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a model's text before it can leave: it is first normalized ({@link TextNormalizer}: entities,
 * full-width forms, {@code [at]}, numbers in words), then every rule reads it: length, promises, links
 * outside the allowed hosts, images, HTML, other people's e-mail addresses, phone numbers not allowed,
 * money the catalogue or the chosen offer did not produce. The rules are configuration
 * ({@code circuitos.llm.guard}).
 */
public class ContentGuard {

    private final List<GuardRule> rules;

    public ContentGuard(LlmProperties.Guard guard) {
        this.rules = List.of(new LengthRule(guard.maxLength()), new PromiseRule(guard.bannedPhrases()),
                new LinkRule(guard.allowedUrlHosts()), new ImageRule(), new MarkupRule(), new EmailRule(),
                new PhoneRule(guard.allowedPhoneNumbers()), new MoneyRule(guard.cataloguePrices()));
    }

    public record Result(List<Violation> found) {

        public boolean passed() {
            return found.isEmpty();
        }

        /** Each refusal as a person reads it, category first. */
        public List<String> violations() {
            return found.stream().map(Violation::describe).toList();
        }

        public List<Category> categories() {
            return found.stream().map(Violation::category).distinct().toList();
        }

        public String summary() {
            return passed() ? "passed" : "failed: " + String.join("; ", violations());
        }
    }

    /** @param recipientEmail the only address the text may contain */
    public Result check(Map<String, String> fields, String recipientEmail) {
        return check(fields, GuardContext.forRecipient(recipientEmail));
    }

    public Result check(Map<String, String> fields, GuardContext context) {
        List<Violation> found = new ArrayList<>();
        fields.forEach((field, text) -> {
            String raw = text == null ? "" : text;
            String normalized = TextNormalizer.normalize(raw);
            rules.forEach(rule -> found.addAll(rule.check(field, raw, normalized, context)));
        });
        return new Result(List.copyOf(found));
    }
}
