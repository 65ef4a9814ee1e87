package io.circuitos.engine.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allow-list for DMN files deployed by analysts: FEEL only (no JUEL, JavaScript, Groovy or Python,
 * whether set for the whole file or one expression) and no FEEL external (Java) functions.
 */
final class DmnRules implements XmlWalk.Visitor {

    private static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/feel/20140401", "http://www.omg.org/spec/dmn/20180521/feel/",
            "https://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");
    private static final Set<String> LANGUAGE_ATTRIBUTES = Set.of("expressionLanguage", "typeLanguage");
    private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\b(\\s|/\\*.*?\\*/|//[^\\n]*\\n)*\\{",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final List<DeploymentProblem> problems;
    private final int maxRulesPerTable;
    private int rulesInTable;

    DmnRules(List<DeploymentProblem> problems) {
        this(problems, DeploymentLimits.defaults().maxRulesPerTable());
    }

    DmnRules(List<DeploymentProblem> problems, int maxRulesPerTable) {
        this.problems = problems;
        this.maxRulesPerTable = maxRulesPerTable;
    }

    @Override
    public void start(XmlWalk.Element element) {
        if (element.name().equals("decisionTable")) {
            rulesInTable = 0;
        } else if (element.name().equals("rule") && element.parent() != null && element.parent().name().equals("decisionTable")
                && ++rulesInTable == maxRulesPerTable + 1) {
            refuse(element.parent(), "decision table has more than the limit of " + maxRulesPerTable + " rules ("
                    + DeploymentLimits.property("max-rules-per-table") + ")");
        }
        for (XmlWalk.Attribute attribute : element.attributes()) {
            if (LANGUAGE_ATTRIBUTES.contains(attribute.name()) && !FEEL.contains(attribute.value().trim().toLowerCase(Locale.ROOT))) {
                refuse(element, attribute.name() + " '" + attribute.value() + "' is not allowed in decisions deployed by analysts: "
                        + "use FEEL (leave " + attribute.name() + " out)");
            }
        }
    }

    @Override
    public void text(XmlWalk.Element element, String text) {
        if (EXTERNAL_FUNCTION.matcher(text).find()) {
            refuse(element, "FEEL external functions are not allowed in decisions deployed by analysts");
        }
    }

    @Override
    public void end(XmlWalk.Element element) {
    }

    private void refuse(XmlWalk.Element element, String message) {
        problems.add(new DeploymentProblem(message, element.line(), element.column(), element.id()));
    }
}
