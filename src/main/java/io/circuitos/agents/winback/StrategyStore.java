package io.circuitos.agents.winback;

import io.circuitos.audit.metrics.Corrections;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which strategy each segment is on ({@code circuitos_segment_strategy}, tried in rank order), how
 * each campaign engaged per segment ({@code circuitos_segment_cycle}) and every self-correction
 * ({@code circuitos_strategy_change}); the campaign engagement it counts is read from {@code circuitos_campaign_message},
 * a table of the same owner (win-back).
 */
public class StrategyStore {

    static final String FALLBACK_STRATEGY = "loyalty-call";
    static final String ROTATED = "rotated";
    static final String ESCALATED = "escalated";

    private final JdbcTemplate jdbc;

    public StrategyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Strategy(String segment, String strategy, int rank, double baseline) {
    }

    public record Cycle(String campaignId, String segment, String strategy, int sent, int engaged, int reactivated,
                        double rate, double baseline, boolean below) {
    }

    public String currentStrategy(String segment) {
        return current(segment).map(Strategy::strategy).orElse(FALLBACK_STRATEGY);
    }

    public Optional<Strategy> current(String segment) {
        return jdbc.query("select segment, strategy, rank_order, baseline_engagement from circuitos_segment_strategy "
                        + "where segment = ? and active", (rs, n) -> new Strategy(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getDouble(4)), segment).stream().findFirst();
    }

    /** The next strategy in rank order that has not been tried and retired yet. */
    public Optional<Strategy> next(Strategy current) {
        return jdbc.query("select segment, strategy, rank_order, baseline_engagement from circuitos_segment_strategy "
                        + "where segment = ? and not active and retired_at is null and rank_order > ? order by rank_order",
                (rs, n) -> new Strategy(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4)),
                current.segment(), current.rank()).stream().findFirst();
    }

    /**
     * One cycle per segment that this campaign emailed: engaged = opened, clicked or reactivated.
     * Evaluating the same campaign again replaces its cycles.
     */
    public List<Cycle> recordCycles(String campaignId, double belowShare, Instant at) {
        jdbc.update("delete from circuitos_segment_cycle where campaign_id = ?", campaignId);
        List<Cycle> cycles = jdbc.query("select m.segment, m.strategy, count(*), "
                        + "sum(case when m.opened_at is not null or m.clicked_at is not null or m.reactivated_at is not null then 1 else 0 end), "
                        + "sum(case when m.reactivated_at is not null then 1 else 0 end), max(s.baseline_engagement) "
                        + "from circuitos_campaign_message m left join circuitos_segment_strategy s "
                        + "on s.segment = m.segment and s.strategy = m.strategy "
                        + "where m.campaign_id = ? and m.sent_at is not null group by m.segment, m.strategy order by m.segment",
                (rs, n) -> {
                    int sent = rs.getInt(3);
                    int engaged = rs.getInt(4);
                    double rate = sent == 0 ? 0 : (double) engaged / sent;
                    double baseline = rs.getObject(6) == null ? 0 : rs.getDouble(6);
                    return new Cycle(campaignId, rs.getString(1), rs.getString(2), sent, engaged, rs.getInt(5), rate, baseline,
                            rate < belowShare * baseline);
                }, campaignId);
        for (Cycle c : cycles) {
            jdbc.update("insert into circuitos_segment_cycle (campaign_id, segment, strategy, sent, engaged, reactivated, "
                            + "engagement_rate, baseline, below_threshold, evaluated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    c.campaignId(), c.segment(), c.strategy(), c.sent(), c.engaged(), c.reactivated(), rate(c.rate()),
                    rate(c.baseline()), c.below(), Timestamp.from(at));
        }
        return cycles;
    }

    /** The segment's cycles on its current strategy since its last self-correction, newest first. */
    public List<Cycle> cyclesSinceLastChange(String segment, String strategy) {
        return jdbc.query("select campaign_id, segment, strategy, sent, engaged, reactivated, engagement_rate, baseline, below_threshold "
                        + "from circuitos_segment_cycle c where segment = ? and strategy = ? and evaluated_at > coalesce("
                        + "(select max(changed_at) from circuitos_strategy_change x where x.segment = c.segment), timestamp '1970-01-01 00:00:00') "
                        + "order by evaluated_at desc, campaign_id desc",
                (rs, n) -> new Cycle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getDouble(7), rs.getDouble(8), rs.getBoolean(9)), segment, strategy);
    }

    public void rotate(Strategy from, Strategy to, String reason, double confidence, String campaignId, Instant at) {
        jdbc.update("update circuitos_segment_strategy set active = false, retired_at = ? where segment = ? and strategy = ?",
                Timestamp.from(at), from.segment(), from.strategy());
        jdbc.update("update circuitos_segment_strategy set active = true where segment = ? and strategy = ?", to.segment(), to.strategy());
        recordChange(from, to.strategy(), ROTATED, reason, confidence, campaignId, at);
    }

    public void escalate(Strategy current, String reason, double confidence, String campaignId, Instant at) {
        recordChange(current, null, ESCALATED, reason, confidence, campaignId, at);
    }

    private void recordChange(Strategy from, String to, String action, String reason, double confidence, String campaignId, Instant at) {
        jdbc.update("insert into circuitos_strategy_change (id, segment, from_strategy, to_strategy, action, reason, confidence, "
                        + "campaign_id, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), from.segment(),
                from.strategy(), to, action, reason, rate(confidence), campaignId, Timestamp.from(at));
    }

    /** The rotations and escalations since {@code since}, newest first. */
    public List<Corrections.Change> changesSince(Instant since) {
        return jdbc.query("select segment, action, from_strategy, to_strategy, reason, confidence, campaign_id, changed_at "
                        + "from circuitos_strategy_change where changed_at >= ? order by changed_at desc",
                (rs, n) -> new Corrections.Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getTimestamp(8).toInstant()), Timestamp.from(since));
    }

    /** Each segment's active strategy with its baseline and the engagement of its last cycle on that strategy. */
    public List<Corrections.SegmentStrategy> activeStrategies() {
        return jdbc.query("select s.segment, s.strategy, s.baseline_engagement, "
                        + "(select c.engagement_rate from circuitos_segment_cycle c where c.segment = s.segment and c.strategy = s.strategy "
                        + "order by c.evaluated_at desc fetch first 1 rows only) as last_engagement "
                        + "from circuitos_segment_strategy s where s.active order by s.segment",
                (rs, n) -> new Corrections.SegmentStrategy(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
    }

    private static BigDecimal rate(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
