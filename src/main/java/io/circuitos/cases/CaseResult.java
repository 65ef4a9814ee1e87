package io.circuitos.cases;

import java.util.List;

/**
 * How one case went.
 *
 * @param difference the first thing that did not hold, in words (null when the case passed)
 * @param path       the elements the run passed, in order ({@code name (id)})
 * @param recorded   the side effects recorded instead of performed
 * @param notes      what the reader should know besides pass or fail (a draft that was not judged, and why)
 */
public record CaseResult(String name, boolean passed, String difference, List<String> path, List<RecordedEffect> recorded,
                         List<String> toolsCalled, List<String> notes, long millis) {
}
