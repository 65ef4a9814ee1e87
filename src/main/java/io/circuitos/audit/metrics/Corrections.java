package io.circuitos.audit.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link SelfCorrectingAgent} changed about itself and where it stands now; its fields are
 * those of {@code GET /api/agents/autonomy} (docs/audit.md).
 */
public record Corrections(List<Change> rotations, List<Change> escalations, List<SegmentStrategy> segments) {

    public Corrections {
        rotations = List.copyOf(rotations);
        escalations = List.copyOf(escalations);
        segments = List.copyOf(segments);
    }

    /** One correction with its evidence: a rotation from one strategy to the next, or an escalation ({@code toStrategy} null). */
    public record Change(String segment, String action, String fromStrategy, String toStrategy, String reason, BigDecimal confidence,
                         String campaignId, Instant changedAt) {
    }

    /** The strategy a segment is on, its engagement baseline and the engagement of its last campaign on it (null before any). */
    public record SegmentStrategy(String segment, String strategy, BigDecimal baselineEngagement, BigDecimal lastEngagement) {
    }
}
