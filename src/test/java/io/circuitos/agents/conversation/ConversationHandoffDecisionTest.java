package io.circuitos.agents.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysts' table conversation-handoff-score (COLLECT SUM): awareness gap + objection severity + sentiment, 75 hands off. */
class ConversationHandoffDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision score;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ConversationHandoffDecisionTest.class.getClassLoader()
                .getResourceAsStream("decisions/conversation-handoff-score.dmn")) {
            score = dmn.parseDecision("conversation-handoff-score", in);
        }
    }

    @ParameterizedTest(name = "awareness {0}, objection {1}, sentiment {2} → {3} ({4})")
    @CsvSource({
            "5, price, negative, 90, a rep",
            "5, authority, positive, 80, a rep",
            "4, comparison, negative, 80, a rep",
            "5, trust, neutral, 60, the AI",
            "4, timing, neutral, 40, the AI",
            "3, none, positive, 25, the AI",
            "2, none, positive, 10, the AI",
            "1, none, neutral, 0, the AI"})
    void scoresEachConversation(double awareness, String objection, String sentiment, double expected, String who) {
        Object result = dmn.evaluateDecisionTable(score, Variables.createVariables().putValue("awarenessLevel", awareness)
                .putValue("objection", objection).putValue("sentiment", sentiment)).getSingleResult();
        double points = result == null ? 0 : ((Number) dmn.evaluateDecisionTable(score, Variables.createVariables()
                .putValue("awarenessLevel", awareness).putValue("objection", objection).putValue("sentiment", sentiment))
                .getSingleResult().getSingleEntry()).doubleValue();
        assertThat(points).isEqualTo(expected);
        assertThat(points >= 75 ? "a rep" : "the AI").isEqualTo(who);
    }
}
