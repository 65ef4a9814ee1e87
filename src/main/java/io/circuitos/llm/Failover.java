package io.circuitos.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/**
 * Which failures of a provider send the call on to the next one: a refused connection, a timeout, 429 and 5xx.
 * Anything else (a 400, a wrong API key) is a fault of the request or the configuration that the next provider
 * would not mend, so it ends the chain.
 */
final class Failover {

    private Failover() {
    }

    /** Why the next provider is asked, in words for the trail; empty when the failure ends the chain. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpException http) { // the status itself, where LangChain4j kept it
                return http.statusCode() == 429 || http.statusCode() >= 500 ? Optional.of("HTTP " + http.statusCode()) : Optional.empty();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return Optional.of("connection refused");
            }
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return Optional.of("timeout");
            }
            if (cause instanceof RateLimitException) {
                return Optional.of("HTTP 429");
            }
            if (cause instanceof InternalServerException) {
                return Optional.of("HTTP 5xx");
            }
        }
        return Optional.empty();
    }
}
