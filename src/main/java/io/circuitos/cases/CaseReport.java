package io.circuitos.cases;

import java.util.List;

/** A case book's run: "18 of 20 cases pass", and each case's result. */
public record CaseReport(String process, int cases, int passed, String summary, List<CaseResult> results, long millis) {

    static CaseReport of(String process, List<CaseResult> results, long millis) {
        int passed = (int) results.stream().filter(CaseResult::passed).count();
        String failing = results.stream().filter(r -> !r.passed()).map(r -> "case `" + r.name() + "`: " + r.difference())
                .collect(java.util.stream.Collectors.joining("; "));
        String summary = passed + " of " + results.size() + " cases pass" + (failing.isEmpty() ? "" : "; " + failing);
        return new CaseReport(process, results.size(), passed, summary, List.copyOf(results), millis);
    }

    public boolean allPass() {
        return passed == cases;
    }

    public List<String> failing() {
        return results.stream().filter(r -> !r.passed()).map(CaseResult::name).toList();
    }
}
