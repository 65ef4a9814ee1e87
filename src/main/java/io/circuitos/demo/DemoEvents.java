package io.circuitos.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.intake.IntakeService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Embedded default only: feeds the sample events (CRM, web forms, billing, help desk) shipped in {@code demo/} through the intake, so
 * Tasklist has work on first start. Each event's delivery id derives from its content, so a restart
 * starts nothing new (the intake's idempotency does the work).
 */
@Component
@ConditionalOnProperty(name = "circuitos.demo-data.enabled", havingValue = "true")
public class DemoEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEvents.class);
    /** Sample event files and the source each comes from, in order (customers before the campaign that selects them). */
    private static final List<Map.Entry<String, String>> FILES = List.of(
            Map.entry("demo/opportunity-closed-lost.json", "crm"),
            Map.entry("demo/licensing-application-submitted.json", "forms"),
            Map.entry("demo/billing.json", "billing"),
            Map.entry("demo/winback-campaign-requested.json", "crm"),
            Map.entry("demo/support-ticket-created.json", "helpdesk"));

    private final IntakeService intake;
    private final ObjectMapper json;

    public DemoEvents(IntakeService intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void feed() throws IOException {
        int started = 0;
        for (Map.Entry<String, String> file : FILES) {
            try (InputStream in = DemoEvents.class.getClassLoader().getResourceAsStream(file.getKey())) {
                if (in == null) {
                    continue;
                }
                for (JsonNode event : json.readTree(in)) {
                    // the event's own content names the delivery: a restart replays the same ids and starts nothing
                    String deliveryId = "demo-" + DigestUtils.md5DigestAsHex(event.toString().getBytes(StandardCharsets.UTF_8));
                    started += intake.accept(file.getValue(), deliveryId, event).duplicate() ? 0 : 1;
                }
            }
        }
        LOG.info("demo data: {} sample events started (already present ones skipped)", started);
    }
}
