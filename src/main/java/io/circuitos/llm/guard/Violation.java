package io.circuitos.llm.guard;

/** One refusal: the category, the field of the answer and a reason a person can read. */
public record Violation(Category category, String field, String reason) {

    /** e.g. "link: reply contains a link to evil.example, which is not an allowed address". */
    public String describe() {
        return category.label() + ": " + field + " " + reason;
    }
}
