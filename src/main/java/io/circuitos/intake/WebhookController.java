package io.circuitos.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /api/webhooks/{source}}: Standard Webhooks in, 202 out once the delivery is stored (queued, with a
 * Location to look it up) or, for a route that starts in the request, with the run it started or continued.
 * {@code GET /api/webhooks/{source}/deliveries/{webhook-id}}: what a delivery became.
 */
@RestController
public class WebhookController {

    private final IntakeService intake;
    private final DeliveryStore deliveries;

    public WebhookController(IntakeService intake, DeliveryStore deliveries) {
        this.intake = intake;
        this.deliveries = deliveries;
    }

    @Operation(summary = "What a webhook delivery became: queued, done (with its run and outcome) or failed (with the reason)",
            description = "For operators and the sender's integration: received and started times, attempts, the last error.")
    @ApiResponse(responseCode = "200", description = "{source, webhookId, eventType, businessKey, status, outcome, processInstanceId, "
            + "receivedAt, startedAt, attempts, lastError}")
    @ApiResponse(responseCode = "404", description = "no delivery with this webhook-id from this source")
    @GetMapping(path = "/api/webhooks/{source}/deliveries/{webhookId}")
    public DeliveryStore.Status delivery(@PathVariable String source, @PathVariable String webhookId) {
        return deliveries.status(source, webhookId)
                .orElseThrow(() -> IntakeRejection.notFound("no delivery '" + webhookId + "' from source '" + source + "'"));
    }

    @Operation(summary = "Start or continue an agent with a signed Standard Webhooks event",
            description = "Body {\"type\", \"timestamp\", \"data\"}; the type routes to a process (routes/<agent>.yaml). "
                    + "Signed with the source's whsec_ secret: webhook-signature is v1,<base64 HMAC-SHA256 of id.timestamp.body>.")
    @ApiResponse(responseCode = "202", description = "stored in the inbox (outcome: queued, processInstanceId null), "
            + "or, for a route that starts in the request, durably started, continued or left to the business key's active run "
            + "(outcome: started, continued, ignored-active-run or applied; activeRun); or what this webhook-id became (duplicate: true). "
            + "Location: the delivery's status")
    @ApiResponse(responseCode = "409", description = "the business key's active run is not waiting for this message now; nothing stored; Retry-After")
    @ApiResponse(responseCode = "400", description = "unknown type, malformed JSON or a field at fault: {status, error, field}")
    @ApiResponse(responseCode = "401", description = "missing or bad signature, or a timestamp outside ±5 minutes")
    @ApiResponse(responseCode = "404", description = "unknown or switched-off source")
    @ApiResponse(responseCode = "413", description = "body over 1 MB")
    @ApiResponse(responseCode = "415", description = "a declared Content-Type that is not JSON")
    @ApiResponse(responseCode = "429", description = "over the source's limit, too many failed authentications from this address, or the "
            + "inbox deeper than circuitos.webhooks.inbox.max-depth; nothing stored; Retry-After")
    @ApiResponse(responseCode = "503", description = "the database is unavailable; nothing was stored; Retry-After")
    @PostMapping(path = "/api/webhooks/{source}")
    public ResponseEntity<StartResult> receive(@PathVariable String source,
                                               @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                               @RequestHeader(name = "webhook-id", required = false) String id,
                                               @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
                                               @RequestHeader(name = "webhook-signature", required = false) String signature,
                                               HttpServletRequest request) throws IOException {
        requireJson(contentType);
        // read here, not with @RequestBody: Spring's body readers throw (500) on content types such as */*
        byte[] body = request.getInputStream().readNBytes(IntakeLimits.BODY_MAX_BYTES + 1);
        if (body.length > IntakeLimits.BODY_MAX_BYTES) {
            throw IntakeRejection.tooLarge("the body is larger than " + IntakeLimits.BODY_MAX_BYTES + " bytes");
        }
        StartResult result = intake.receive(source, new String(body, StandardCharsets.UTF_8), id, timestamp, signature,
                request.getRemoteAddr());
        // every accepted delivery has its status, queued or handled, a duplicate too
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(UriComponentsBuilder.fromPath("/api/webhooks/{source}/deliveries/{id}").buildAndExpand(source, id).encode().toUri())
                .body(result);
    }

    /** A declared content type must be JSON ({@code application/json} or {@code +json}); none is taken as JSON. */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw IntakeRejection.unsupportedMediaType("Content-Type '" + contentType + "' is not a media type; send application/json");
        }
        boolean json = !type.isWildcardType() && !type.isWildcardSubtype() && "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
        if (!json) {
            throw IntakeRejection.unsupportedMediaType("Content-Type " + contentType + " is not JSON; send application/json");
        }
    }
}
