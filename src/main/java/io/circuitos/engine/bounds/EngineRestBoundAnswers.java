package io.circuitos.engine.bounds;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API ({@code /engine-rest}) answers a run past a run-time bound with 422, in
 * Camunda's error shape ({@code type}, {@code message}) plus the {@code element}. Camunda wraps what a
 * started, correlated, signalled or completed run throws in its own {@link RestException} with status
 * 500 (or lets it reach its {@link ProcessEngineException} or {@link Throwable} mapper), so the bound is
 * looked for in the cause chain. One mapper per exception type Camunda maps itself: Jersey takes the
 * mapper nearest to the exception's type and, at the same distance, the one of lower priority value;
 * each of these says it is mappable only when a bound is in the chain, so every other error keeps
 * Camunda's own answer. The webapps' copy of the engine API ({@code /camunda/api/engine}, which Tasklist
 * starts and completes through) is a Jersey application Camunda's webapp starter builds from its class;
 * it gets the same mappers through the servlet context attribute Jersey reads for provider classes (the
 * webapps' other Jersey applications too, where they decline every error Camunda's plugins throw).
 */
@Component
public class EngineRestBoundAnswers implements ResourceConfigCustomizer, ServletContextInitializer {

    static final String JERSEY_PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestBoundAnswers.class);
    private static final int UNPROCESSABLE_CONTENT = 422;
    /** Before Camunda's mappers, which carry the default {@link Priorities#USER}. */
    private static final int BEFORE_CAMUNDA = Priorities.USER - 100;

    @Override
    public void customize(ResourceConfig config) {
        config.register(InRestException.class);
        config.register(InProcessEngineException.class);
        config.register(InAnyThrowable.class);
    }

    /** Jersey's servlet container takes the servlet context's attributes as properties of the applications it builds. */
    @Override
    public void onStartup(ServletContext servletContext) {
        Object present = servletContext.getAttribute(JERSEY_PROVIDER_CLASSNAMES);
        if (present != null) {
            throw new IllegalStateException("the servlet context attribute " + JERSEY_PROVIDER_CLASSNAMES + " is already '" + present
                    + "': the webapps' engine API would answer 500 past a run-time bound");
        }
        servletContext.setAttribute(JERSEY_PROVIDER_CLASSNAMES, String.join(",", InRestException.class.getName(),
                InProcessEngineException.class.getName(), InAnyThrowable.class.getName()));
    }

    static boolean carriesBound(Throwable error) {
        return RunTimeBoundExceeded.in(error) != null;
    }

    static Response answer(Throwable error) {
        RunTimeBoundExceeded exceeded = RunTimeBoundExceeded.in(error);
        LOG.warn("an engine REST call went past a run-time bound, answering 422: {}", exceeded.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", exceeded.getClass().getSimpleName());
        body.put("message", exceeded.getMessage());
        body.put("element", exceeded.elementId());
        return Response.status(UNPROCESSABLE_CONTENT).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Priority(BEFORE_CAMUNDA)
    public static final class InRestException implements ExtendedExceptionMapper<RestException> {

        @Override
        public boolean isMappable(RestException error) {
            return carriesBound(error);
        }

        @Override
        public Response toResponse(RestException error) {
            return answer(error);
        }
    }

    @Priority(BEFORE_CAMUNDA)
    public static final class InProcessEngineException implements ExtendedExceptionMapper<ProcessEngineException> {

        @Override
        public boolean isMappable(ProcessEngineException error) {
            return carriesBound(error);
        }

        @Override
        public Response toResponse(ProcessEngineException error) {
            return answer(error);
        }
    }

    @Priority(BEFORE_CAMUNDA)
    public static final class InAnyThrowable implements ExtendedExceptionMapper<Throwable> {

        @Override
        public boolean isMappable(Throwable error) {
            return carriesBound(error);
        }

        @Override
        public Response toResponse(Throwable error) {
            return answer(error);
        }
    }
}
