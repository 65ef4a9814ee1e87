package io.circuitos.deployments;

/** One way an agent's pieces do not fit: in {@code resource}, at {@code element} (an element id, a field key), what is wrong. */
public record ContractProblem(String resource, String element, String problem) {

    @Override
    public String toString() {
        return resource + " " + element + ": " + problem;
    }
}
