package io.circuitos.audit.metrics;

import java.time.Instant;

/**
 * A capability an agent declares when it changes its own behaviour from what it observes (win-back
 * rotates a segment's strategy, or escalates when no strategy is left). {@code /api/agents/autonomy}
 * lists the corrections of every agent that declares it and that the caller may read.
 */
public interface SelfCorrectingAgent {

    /** The process whose runs make the corrections: who may read them is who may read its runs. */
    String processKey();

    /** The corrections made since {@code since}, newest first, and where the agent's strategies stand now. */
    Corrections corrections(Instant since);
}
