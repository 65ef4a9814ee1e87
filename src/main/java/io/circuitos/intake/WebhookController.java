package io.circuitos.intake;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/webhooks/{source}}: Standard Webhooks in, 202 with the started instance out. */
@RestController
public class WebhookController {

    private final IntakeService intake;

    public WebhookController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/webhooks/{source}")
    public ResponseEntity<StartResult> receive(@PathVariable String source,
                                               @RequestBody(required = false) byte[] body,
                                               @RequestHeader(name = "webhook-id", required = false) String id,
                                               @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
                                               @RequestHeader(name = "webhook-signature", required = false) String signature) {
        StartResult result = intake.receive(source,
                body == null ? "" : new String(body, StandardCharsets.UTF_8), id, timestamp, signature);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
    }
}
