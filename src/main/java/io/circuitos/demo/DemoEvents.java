package io.circuitos.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.intake.IntakeService;
import io.circuitos.intake.StartResult;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Embedded default only: feeds the sample CRM events shipped in {@code demo/} through the intake, so
 * Tasklist has work on first start. Each event has a fixed delivery id, so a restart starts nothing
 * new (the intake's idempotency does the work).
 */
@Component
@ConditionalOnProperty(name = "circuitos.demo-data.enabled", havingValue = "true")
public class DemoEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEvents.class);
    private static final String SOURCE = "crm";
    private static final String FILE = "demo/opportunity-closed-lost.json";

    private final IntakeService intake;
    private final ObjectMapper json;

    public DemoEvents(IntakeService intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void feed() throws IOException {
        int started = 0;
        try (InputStream in = DemoEvents.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                return;
            }
            for (JsonNode event : json.readTree(in)) {
                String deliveryId = "demo-" + event.at("/data/opportunityId").asText();
                StartResult result = intake.accept(SOURCE, deliveryId, event);
                started += result.duplicate() ? 0 : 1;
            }
        }
        LOG.info("demo data: {} sample events started (already present ones skipped)", started);
    }
}
