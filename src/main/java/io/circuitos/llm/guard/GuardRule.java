package io.circuitos.llm.guard;

import java.util.List;

/** One kind of content that must not leave unchecked; reads the normalized text ({@link TextNormalizer}). */
public interface GuardRule {

    /**
     * @param raw        the text as the model wrote it
     * @param normalized the same text after {@link TextNormalizer}
     */
    List<Violation> check(String field, String raw, String normalized, GuardContext context);
}
