package io.circuitos.deployments;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The variable names a text's {@code ${...}} and {@code #{...}} expressions read. */
final class ExpressionNames {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern GET_VARIABLE = Pattern.compile("getVariable(?:Local)?\\(\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> NOT_VARIABLES = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod",
            "empty", "true", "false", "null", "instanceof", "execution", "task");

    private ExpressionNames() {
    }

    static Set<String> read(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            names.addAll(readBody(expression.group(1)));
        }
        return names;
    }

    /** The names an expression body (a DMN input expression, say) reads. */
    static Set<String> readBody(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher variable = GET_VARIABLE.matcher(body);
        while (variable.find()) {
            names.add(variable.group(1));
        }
        Matcher identifier = IDENTIFIER.matcher(STRING_LITERAL.matcher(body).replaceAll("''"));
        while (identifier.find()) {
            if (!NOT_VARIABLES.contains(identifier.group(1))) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }
}
