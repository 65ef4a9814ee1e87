package io.circuitos.privacy;

import io.circuitos.intake.FieldMapping;
import io.circuitos.intake.RouteCatalogue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which variables are personal data: customer contact data and free texts. The route fields marked
 * {@code personal: true} and {@code circuitos.privacy.personal-variables}.
 */
public final class PersonalData {

    /** What a reader without the right to personal data sees instead of the value. */
    public static final String REDACTED = "redacted (personal data)";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Set<String> names;

    public PersonalData(Collection<String> names) {
        this.names = Set.copyOf(names);
    }

    /**
     * @throws IllegalStateException when a route field is named in {@code circuitos.privacy.personal-variables} without
     *                               {@code personal: true}: the start would keep it in the run's payload, where redaction
     *                               does not look for personal data by name
     */
    public static PersonalData of(RouteCatalogue routes, PrivacyProperties privacy) {
        List<String> unmarked = routes.routes().stream().flatMap(route -> route.fields().stream()
                .filter(field -> !field.personal() && privacy.personalVariables().contains(field.name()))
                .map(field -> route.type() + " field " + field.name())).toList();
        if (!unmarked.isEmpty()) {
            throw new IllegalStateException("circuitos.privacy.personal-variables names route fields not marked personal: " + unmarked
                    + "; mark them personal: true in routes/*.yaml (a start keeps personal fields as variables of their own)");
        }
        Set<String> names = new LinkedHashSet<>(privacy.personalVariables());
        routes.routes().forEach(route -> route.fields().stream().filter(FieldMapping::personal)
                .forEach(field -> names.add(field.name())));
        return new PersonalData(names);
    }

    public boolean isPersonal(String variable) {
        return variable != null && names.contains(variable);
    }

    /** Whether an expression (a DMN input, a FEEL or JUEL text) reads a personal variable anywhere in it. */
    public boolean mentionsPersonal(String expression) {
        if (expression == null) {
            return false;
        }
        Matcher identifier = IDENTIFIER.matcher(expression);
        while (identifier.find()) {
            if (names.contains(identifier.group())) {
                return true;
            }
        }
        return false;
    }

    public Set<String> names() {
        return names;
    }
}
