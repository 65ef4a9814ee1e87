package io.circuitos.agents.lostopportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysts' table {@code decisions/lost-opportunity-band.dmn} at every threshold. */
class LostOpportunityBandDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = LostOpportunityBandDecisionTest.class.getClassLoader()
                .getResourceAsStream("decisions/lost-opportunity-band.dmn")) {
            decision = dmn.parseDecision("lost-opportunity-band", in);
        }
    }

    @ParameterizedTest(name = "score {0} → {1}")
    @CsvSource({
            "100, urgent",
            "80, urgent",
            "79.99, high",
            "60, high",
            "59.99, ignore",
            "0, ignore"})
    void bandsByReactivationScore(double score, String band) {
        String result = dmn.evaluateDecisionTable(decision, Variables.createVariables().putValue("reactivationScore", score))
                .getSingleResult().getEntry("band");
        assertThat(result).isEqualTo(band);
    }

    @Test
    void missingScoreMatchesNoRuleSoTheProcessTakesItsDefaultPath() {
        assertThat(dmn.evaluateDecisionTable(decision, Variables.createVariables().putValue("reactivationScore", null))
                .getResultList()).isEmpty();
    }
}
