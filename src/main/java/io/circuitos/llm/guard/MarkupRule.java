package io.circuitos.llm.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Any HTML tag ({@code <script>}, {@code <a href>}, also unclosed) or an HTML entity that was left encoded: messages are plain text. */
public final class MarkupRule implements GuardRule {

    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9:-]*)(?=[\\s/>]|$)");
    private static final Pattern ENTITY = Pattern.compile("(?i)&(?:#\\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});");

    @Override
    public List<Violation> check(String field, String raw, String normalized, GuardContext context) {
        Matcher tag = TAG.matcher(normalized);
        if (tag.find()) {
            return List.of(new Violation(Category.MARKUP, field, "contains HTML markup (<" + tag.group(1) + ">)"));
        }
        Matcher entity = ENTITY.matcher(normalized);
        if (entity.find()) {
            return List.of(new Violation(Category.MARKUP, field, "contains HTML markup (entity " + entity.group() + ")"));
        }
        return List.of();
    }
}
