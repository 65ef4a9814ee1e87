package io.circuitos.engine.sandbox;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** One refusal, in the engine's own parse-problem shape (so REST answers and Camunda Modeler show it). */
public record DeploymentProblem(String message, int line, int column, String mainElementId) implements Problem {

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public String getMainElementId() {
        return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
        return mainElementId == null ? List.of() : List.of(mainElementId);
    }

    @Override
    public String toString() {
        return (mainElementId == null ? "" : "element " + mainElementId + ": ") + message + (line > 0 ? " (line " + line + ")" : "");
    }
}
