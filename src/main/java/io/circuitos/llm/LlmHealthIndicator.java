package io.circuitos.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code llm} in {@code /actuator/health}: UP while the circuit is closed, DEGRADED while it is open
 * (drafts come from templates; the application keeps working, so this is not DOWN), UNKNOWN when no
 * model is configured.
 */
@Component("llm")
public class LlmHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "LLM circuit open: drafts come from templates");

    private final LlmGateway gateway;
    private final LlmProperties properties;

    public LlmHealthIndicator(LlmGateway gateway, LlmProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!gateway.configured()) {
            return Health.unknown().withDetail("reason", "circuitos.llm.base-url is empty: drafts come from templates").build();
        }
        CircuitBreaker.State state = gateway.circuitState();
        Health.Builder health = state == CircuitBreaker.State.OPEN ? Health.status(DEGRADED) : Health.up();
        return health.withDetail("baseUrl", properties.baseUrl()).withDetail("model", properties.model())
                .withDetail("circuit", state.name()).build();
    }
}
