package io.circuitos.tasks;

import io.circuitos.engine.sandbox.RegisteredTasks.Kind;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The docs' reference of every task ({@code docs/tasks.md}), generated from the catalogue: a summary table,
 * then per task its inputs (type, required, what a value must name, who gives it), outputs, BPMN errors and
 * side effects. {@code TaskTableTest} fails when the checked-in text and the catalogue differ.
 */
public final class TaskTable {

    public static final String BEGIN = "<!-- task table: generated from the task catalogue (TaskTableTest); do not edit by hand -->";
    public static final String END = "<!-- end of task table -->";

    private TaskTable() {
    }

    /** The text between {@link #BEGIN} and {@link #END}. */
    public static String markdown(TaskCatalogue catalogue) {
        StringBuilder text = new StringBuilder();
        text.append("| task | kind | agent | what it does | side effects |\n|---|---|---|---|---|\n");
        for (TaskSpec task : catalogue.all()) {
            text.append("| [`").append(task.name()).append("`](#").append(task.name().toLowerCase(Locale.ROOT)).append(") | ")
                    .append(kind(task)).append(" | ").append(task.agent().orElse("—")).append(" | ").append(cell(task.title()))
                    .append(" | ").append(task.hasSideEffects() ? "yes" : "no").append(" |\n");
        }
        for (TaskSpec task : catalogue.all()) {
            text.append("\n### `").append(task.name()).append("`\n\n");
            text.append("**").append(task.title()).append("**: ").append(kind(task))
                    .append(task.agent().map(agent -> ", the " + agent + " agent's own").orElse(", generic")).append(". ")
                    .append(task.description()).append("\n\n");
            text.append("- Side effects: ").append(task.sideEffect().orElse("none")).append("\n");
            if (!task.outputs().isEmpty()) {
                text.append("- Outputs: ").append(task.outputsGo().label()).append("\n");
            }
            task.also().forEach(also -> text.append("- Also writes ").append(also.label()).append("\n"));
            if (!task.errors().isEmpty()) {
                text.append("- BPMN errors (catch each): ").append(task.errors().stream().map(e -> "`" + e + "`")
                        .collect(Collectors.joining(", "))).append("\n");
            }
            if (!task.inputs().isEmpty()) {
                text.append("\n| input | type | required | must name | given | description |\n|---|---|---|---|---|---|\n");
                for (TaskInput<?> input : task.inputs()) {
                    text.append("| `").append(input.name()).append("` | ").append(input.type().label()).append(" | ")
                            .append(input.isRequired() ? "yes" : "no").append(" | ").append(names(input)).append(" | ")
                            .append(input.source().label()).append(" | ").append(cell(input.description())).append(" |\n");
                }
            }
            if (!task.outputs().isEmpty()) {
                text.append("\n| output | type | description |\n|---|---|---|\n");
                for (TaskOutput<?> output : task.outputs()) {
                    text.append("| `").append(output.name()).append("` | ").append(output.type().label()).append(" | ")
                            .append(cell(output.description())).append(" |\n");
                }
            }
        }
        return text.toString();
    }

    private static String kind(TaskSpec task) {
        if (task.kind() == Kind.EXECUTION_LISTENER) {
            return task.onEndEvents() ? "listener (end events)" : "listener (as an element ends)";
        }
        return task.kind() == Kind.SETTING ? "setting" : "service task";
    }

    private static String names(TaskInput<?> input) {
        return switch (input.refers()) {
            case NOTHING -> "—";
            case MODEL -> "a model (features from the run)";
            case CUSTOMER_MODEL -> "a model (features from the customer store)";
            case PROMPT -> "a prompt";
            case TEMPLATE -> "a template";
            case TOOLS -> "tools of the catalogue";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** {@code document} with the text between the markers replaced by {@code table}. */
    public static String replaceIn(String document, String table) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no " + BEGIN + " … " + END + " section");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + table + document.substring(end);
    }

    /** The text between the markers of {@code document}. */
    public static String in(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no " + BEGIN + " … " + END + " section");
        }
        return document.substring(begin + BEGIN.length() + 1, end);
    }
}
