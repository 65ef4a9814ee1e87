package io.circuitos.engine.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The restricted expression grammar of untrusted deployments: variable references, literals,
 * arithmetic, comparison and logical operators, property access, the functions and side-effect-free
 * methods of {@link SafeMembers}, and {@code execution.getVariable(...)}-style variable reads. No other
 * method call, no engine object's properties, no application bean outside the generic-task registry.
 */
public final class ExpressionPolicy {

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module");

    private final Set<String> applicationBeans;
    private final RegisteredTasks tasks;

    /**
     * @param applicationBeans names of the application's beans; only registered generic tasks among them may be named
     * @param tasks            the registered generic tasks
     */
    public ExpressionPolicy(Set<String> applicationBeans, RegisteredTasks tasks) {
        this.applicationBeans = applicationBeans;
        this.tasks = tasks;
    }

    /** The generic tasks deployments may name. */
    public RegisteredTasks tasks() {
        return tasks;
    }

    public static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** The rules {@code text} breaks, empty when it is allowed (plain text is always allowed). */
    public List<String> check(String text) {
        List<String> problems = new ArrayList<>();
        if (!isExpression(text)) {
            return problems;
        }
        try {
            visit(PARSER.build(text).getRoot(), false, problems);
        } catch (TreeBuilderException e) {
            problems.add("is not a valid expression: " + e.getMessage());
        }
        return problems;
    }

    private void visit(Node node, boolean receiverOfCall, List<String> problems) {
        if (node instanceof AstMethod method) {
            visitMethod(method, problems);
            return;
        }
        if (node instanceof AstIdentifier identifier) {
            checkIdentifier(identifier.getName(), receiverOfCall, problems);
        } else if (node instanceof AstFunction function && !SafeMembers.FUNCTIONS.contains(function.getName())) {
            problems.add("calls function '" + function.getName() + "()': only " + String.join(", ", SafeMembers.FUNCTIONS.stream().sorted().toList())
                    + " are allowed");
        } else if (node instanceof AstDot dot && FORBIDDEN_PROPERTIES.contains(propertyName(dot))) {
            problems.add("reads property '" + propertyName(dot) + "', which is not allowed");
        }
        visitChildren(node, problems);
    }

    private void visitChildren(Node node, List<String> problems) {
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), false, problems);
        }
    }

    /** JUEL builds {@code a.b(x)} as a method node over the property {@code a.b} and the parameters. */
    private void visitMethod(AstMethod method, List<String> problems) {
        if (!(method.getChild(0) instanceof AstDot dot)) {
            problems.add("calls a method by a computed name, which is not allowed");
            visitChildren(method, problems);
            return;
        }
        String name = propertyName(dot);
        Node receiver = dot.getChild(0);
        if (receiver instanceof AstIdentifier id && SafeMembers.ENGINE_OBJECTS.contains(id.getName())) {
            if (!SafeMembers.isVariableRead(name)) {
                problems.add("calls " + id.getName() + "." + name + "(): on engine objects only variable reads such as "
                        + id.getName() + ".getVariable('name') are allowed (set variables with output mappings)");
            }
        } else if (!SafeMembers.isAllowedMethodName(name)) {
            problems.add("calls method '" + name + "()', which is not on the allow-list of side-effect-free methods"
                    + " (README, \"What analysts may deploy\")");
        }
        visit(receiver, true, problems);
        visit(method.getChild(1), false, problems);
    }

    private void checkIdentifier(String name, boolean receiverOfCall, List<String> problems) {
        if (SafeMembers.ENGINE_OBJECTS.contains(name)) {
            if (!receiverOfCall) {
                problems.add("uses the engine object '" + name + "': only variable reads such as " + name + ".getVariable('name') are allowed");
            }
            return;
        }
        if (applicationBeans.contains(name) && !tasks.isRegistered(name)) {
            problems.add("names the application bean '" + name + "', which is not a registered generic task");
        }
    }

    /** {@code AstDot.toString()} is ". name". */
    private static String propertyName(AstDot dot) {
        return dot.toString().substring(2);
    }
}
