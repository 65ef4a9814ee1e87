package io.circuitos.llm.guard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money the model was not given: amounts and percentages not in {@code circuitos.llm.guard.catalogue-prices}
 * nor in the offer a decision chose ({@link GuardContext#allowedOffers()}); refunds, free periods and
 * discounts that no allowed offer makes ("refund you in full", "three months free", "free of charge for a
 * year", "half price"). Numbers written in words count: the normalizer has turned them into digits.
 */
public final class MoneyRule implements GuardRule {

    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)(?:[$€£¥]\\s?\\d[\\d,.]*|\\b\\d[\\d,.]*\\s?(?:%|per\\s?cent\\b|usd\\b|eur\\b|gbp\\b|dollars?\\b|euros?\\b|pounds?\\b|bucks\\b))");
    private static final Pattern REFUND = Pattern.compile(
            "(?i)\\b(?:refund\\w*|reimburs\\w*|money[- ]back|pay you back|compensat\\w*|(?:account|bill(?:ing)?) credit|credit (?:to )?your (?:account|bill))\\b");
    private static final Pattern FREE_PERIOD = Pattern.compile("(?i)(?:\\b(?:\\d+|a|an|the first|the next)\\s+(?:day|week|month|quarter|year)s?\\s+(?:for\\s+)?free\\b"
            + "|\\bfree\\b[^.!?\\n]{0,40}?\\b(?:day|week|month|quarter|year)s?\\b"
            + "|\\bfree of charge\\b|\\bfor free\\b|\\bat no (?:extra |additional )?(?:cost|charge)\\b|\\bno charge\\b"
            + "|\\bwaive\\w*|\\bcomplimentary\\b|\\bon the house\\b)");
    private static final Pattern DISCOUNT = Pattern.compile(
            "(?i)\\b(?:\\d+\\s?(?:%|per\\s?cent)\\s+off|discount\\w*|coupon\\w*|voucher\\w*|promo(?:tion(?:al)?)? code|half[- ](?:price|off)|special (?:offer|deal|price))");
    private static final Pattern PERCENT_OFF = Pattern.compile("\\d\\s?%\\s+off");

    private final Set<String> catalogue;

    public MoneyRule(List<String> cataloguePrices) {
        Set<String> prices = new LinkedHashSet<>();
        cataloguePrices.forEach(p -> prices.add(amount(p)));
        this.catalogue = prices;
    }

    @Override
    public List<Violation> check(String field, String raw, String normalized, GuardContext context) {
        List<Violation> violations = new ArrayList<>();
        Matcher amount = AMOUNT.matcher(normalized);
        while (amount.find()) {
            String mention = amount.group().trim();
            if (!catalogue.contains(amount(mention)) && !context.offerSays(mention)) {
                violations.add(new Violation(Category.MONEY, field, "mentions a price or discount not in the catalogue: '" + mention + "'"));
            }
        }
        refuse(REFUND, normalized, context, field, "promises a refund the offer does not make", violations);
        refuse(FREE_PERIOD, normalized, context, field, "promises something free the offer does not make", violations);
        Matcher discount = DISCOUNT.matcher(normalized);
        while (discount.find()) {
            boolean offeredDiscount = context.allowedOffers().stream().anyMatch(o -> PERCENT_OFF.matcher(o).find());
            Matcher amountOff = AMOUNT.matcher(discount.group());
            boolean catalogued = amountOff.find() && catalogue.contains(amount(amountOff.group()));
            if (!context.offerSays(discount.group()) && !offeredDiscount && !catalogued) {
                violations.add(new Violation(Category.MONEY, field, "offers a discount the offer does not make: '" + discount.group().trim() + "'"));
            }
        }
        return violations;
    }

    private static void refuse(Pattern pattern, String text, GuardContext context, String field, String reason, List<Violation> out) {
        Matcher mention = pattern.matcher(text);
        while (mention.find()) {
            if (!context.offerSays(mention.group())) {
                out.add(new Violation(Category.MONEY, field, reason + ": '" + mention.group().trim() + "'"));
            }
        }
    }

    /** "20 percent", "20 %" and "20%" are one amount; "$ 49" and "$49" too. */
    private static String amount(String mention) {
        String text = TextNormalizer.normalize(mention).toLowerCase(Locale.ROOT).replaceAll("per\\s?cent", "%").replaceAll("\\s+", "");
        return text.replaceFirst("[.,]$", "");
    }
}
