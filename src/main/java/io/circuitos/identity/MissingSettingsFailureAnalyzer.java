package io.circuitos.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as one list of what to set, without a stack trace (registered in {@code META-INF/spring.factories}). */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        StringBuilder description = new StringBuilder("circuitos cannot start: ")
                .append(cause.problems().size()).append(cause.problems().size() == 1 ? " setting is" : " settings are")
                .append(" missing or wrong:\n");
        cause.problems().forEach(problem -> description.append("  - ").append(problem).append('\n'));
        return new FailureAnalysis(description.toString(),
                "Set the environment variables named above and start again. Nothing was written: the check runs before "
                        + "the database schema is created and before the web server starts.", cause);
    }
}
