package io.circuitos.llm.guard;

import java.util.List;
import java.util.regex.Pattern;

/** Images load from somewhere when the message is shown, and can carry data out in their address: markdown or HTML. */
public final class ImageRule implements GuardRule {

    private static final Pattern IMAGE = Pattern.compile("(?i)!\\s*\\[[^\\]]*]\\s*[(\\[]|<\\s*(?:img|image|picture|svg|video|audio|source)\\b");

    @Override
    public List<Violation> check(String field, String raw, String normalized, GuardContext context) {
        return IMAGE.matcher(normalized).find()
                ? List.of(new Violation(Category.IMAGE, field, "contains an image, which would load from another address"))
                : List.of();
    }
}
