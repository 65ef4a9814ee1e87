package io.circuitos.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code llm} in {@code /actuator/health}: UP while some provider's circuit is closed, DEGRADED while every
 * one is open (drafts come from templates; the application keeps working, so this is not DOWN), UNKNOWN when
 * no model is configured. Lists each provider with its circuit.
 */
@Component("llm")
public class LlmHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "LLM circuit open: drafts come from templates");

    private final LlmGateway gateway;

    public LlmHealthIndicator(LlmGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Health health() {
        if (!gateway.configured()) {
            return Health.unknown().withDetail("reason", "circuitos.llm.base-url is empty: drafts come from templates").build();
        }
        Map<String, Object> providers = new LinkedHashMap<>();
        boolean anyClosed = false;
        for (LlmProvider provider : gateway.providers().all()) {
            CircuitBreaker.State state = provider.breaker().getState();
            anyClosed |= state != CircuitBreaker.State.OPEN;
            providers.put(provider.name(), Map.of("type", provider.type(), "baseUrl", provider.baseUrl(), "model", provider.modelName(),
                    "circuit", state.name()));
        }
        Health.Builder health = anyClosed ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("providers", providers).withDetail("tiers", gateway.providers().tiers()).build();
    }
}
