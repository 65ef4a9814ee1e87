package io.circuitos.agents.winback;

import io.circuitos.audit.metrics.Corrections;
import io.circuitos.audit.metrics.SelfCorrectingAgent;
import java.time.Instant;
import java.util.List;

/**
 * Win-back corrects itself: a segment whose engagement stays below its baseline rotates to its next
 * strategy, or is escalated to the admins when none is left (the engagement review after each campaign).
 */
public class WinBackAutonomy implements SelfCorrectingAgent {

    private final StrategyStore strategies;

    public WinBackAutonomy(StrategyStore strategies) {
        this.strategies = strategies;
    }

    @Override
    public String processKey() {
        return WinBackProcess.KEY;
    }

    @Override
    public Corrections corrections(Instant since) {
        List<Corrections.Change> changes = strategies.changesSince(since);
        return new Corrections(changes.stream().filter(c -> StrategyStore.ROTATED.equals(c.action())).toList(),
                changes.stream().filter(c -> StrategyStore.ESCALATED.equals(c.action())).toList(), strategies.activeStrategies());
    }
}
