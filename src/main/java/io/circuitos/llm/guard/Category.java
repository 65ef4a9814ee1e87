package io.circuitos.llm.guard;

/** What kind of content the guard refused; the label starts every reason, so people and tests can tell them apart. */
public enum Category {
    LENGTH("length"),
    PROMISE("promise"),
    LINK("link"),
    IMAGE("image"),
    MARKUP("markup"),
    EMAIL("email"),
    PHONE("phone"),
    MONEY("money");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
