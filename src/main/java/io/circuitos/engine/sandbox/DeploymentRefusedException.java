package io.circuitos.engine.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment the guard refused. It is the engine's own {@link ParseException}, so the REST API answers
 * 400 with the usual per-resource report (message, line, element id) that Camunda Modeler shows.
 */
public class DeploymentRefusedException extends ParseException {

    public DeploymentRefusedException(List<ResourceProblems> refused) {
        super(message(refused), refused.get(0).resource(), new ArrayList<>(refused.get(0).problems()), List.of());
        for (ResourceProblems resource : refused.subList(1, refused.size())) {
            List<Problem> problems = new ArrayList<>(resource.problems());
            resorceReports.add(new ResourceReportImpl(resource.resource(), problems, List.of()));
        }
    }

    private static String message(List<ResourceProblems> refused) {
        return "Deployment refused by the circuitos deployment guard: " + refused.stream()
                .map(r -> r.resource() + ": " + r.problems().stream().map(DeploymentProblem::toString).collect(Collectors.joining("; ")))
                .collect(Collectors.joining(" | "));
    }
}
