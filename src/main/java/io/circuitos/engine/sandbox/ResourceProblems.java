package io.circuitos.engine.sandbox;

import java.util.List;

/** The problems found in one resource of a deployment. */
public record ResourceProblems(String resource, List<DeploymentProblem> problems) {
}
