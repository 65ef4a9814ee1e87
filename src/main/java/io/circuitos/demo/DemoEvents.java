package io.circuitos.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitos.intake.IntakeService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Embedded default only: feeds the sample events shipped in {@code demo/} (CRM, web forms, billing, help desk, chat) through the intake, as their route's first source would send them, so
 * Tasklist has work on first start. Each event's delivery id derives from its content, so a restart
 * starts nothing new (the intake's idempotency does the work).
 */
@Component
@ConditionalOnProperty(name = "circuitos.demo-data.enabled", havingValue = "true")
public class DemoEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEvents.class);
    /** Sample events: every {@code demo/*.json} on the class path, by name (billing's customers come before the campaign that selects them). */
    private static final String FILES = "classpath*:demo/*.json";

    private final IntakeService intake;
    private final ObjectMapper json;

    public DemoEvents(IntakeService intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void feed() throws IOException {
        int started = 0;
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(FILES);
        java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                for (JsonNode event : json.readTree(in)) {
                    // the event's own content names the delivery: a restart replays the same ids and starts nothing
                    String deliveryId = "demo-" + DigestUtils.md5DigestAsHex(event.toString().getBytes(StandardCharsets.UTF_8));
                    String source = intake.route(null, event.path("type").asText()).sources().get(0); // as the route's first source sends it
                    started += intake.accept(source, deliveryId, event).duplicate() ? 0 : 1;
                }
            }
        }
        LOG.info("demo data: {} sample events started (already present ones skipped)", started);
    }
}
