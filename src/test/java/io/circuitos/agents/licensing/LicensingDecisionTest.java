package io.circuitos.agents.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysts' tables licensing-points (COLLECT SUM) and licensing-band at every boundary of the brief. */
class LicensingDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision points;
    private static DmnDecision band;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        points = decision("decisions/licensing-points.dmn", "licensing-points");
        band = decision("decisions/licensing-band.dmn", "licensing-band");
    }

    private static DmnDecision decision(String resource, String key) throws Exception {
        try (InputStream in = LicensingDecisionTest.class.getClassLoader().getResourceAsStream(resource)) {
            return dmn.parseDecision(key, in);
        }
    }

    private static double points(double capital, double years, Boolean ownsGym, Double sqft, double passion) {
        VariableMap variables = Variables.createVariables().putValue("liquidCapital", capital).putValue("yearsExperience", years)
                .putValue("ownsGym", ownsGym).putValue("gymSqft", sqft).putValue("passionScore", passion);
        return ((Number) dmn.evaluateDecisionTable(points, variables).getSingleResult().getSingleEntry()).doubleValue();
    }

    @ParameterizedTest(name = "capital {0} → {1} points from capital")
    @CsvSource({"149999, 30", "150000, 40", "99999, 0", "100000, 30", "0, 0"})
    void liquidCapital(double capital, double expected) {
        assertThat(points(capital, 0, false, null, 1) - 2).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} years → {1} points from experience")
    @CsvSource({"2, 0", "3, 20", "4, 20", "5, 25", "12, 25"})
    void experience(double years, double expected) {
        assertThat(points(0, years, false, null, 1) - 2).isEqualTo(expected);
    }

    @ParameterizedTest(name = "owns gym {0}, {1} sq ft → {2} points from the gym")
    @CsvSource({"true, 2999, 0", "true, 3000, 15", "false, 5000, 0"})
    void gym(boolean ownsGym, double sqft, double expected) {
        assertThat(points(0, 0, ownsGym, sqft, 1) - 2).isEqualTo(expected);
    }

    @Test
    void aGymOwnerWhoGaveNoSizeGetsNoGymPoints() {
        assertThat(points(0, 0, true, null, 1)).isEqualTo(2);
    }

    @ParameterizedTest(name = "passion {0} → {1} points")
    @CsvSource({"1, 2", "10, 20"})
    void passionCountsTwice(double passion, double expected) {
        assertThat(points(0, 0, false, null, passion)).isEqualTo(expected);
    }

    @Test
    void everyRuleAddsUp() {
        assertThat(points(200000, 6, true, 4000.0, 10)).isEqualTo(40 + 25 + 15 + 20);
    }

    @ParameterizedTest(name = "{0} points → {1}")
    @CsvSource({"100, FAST_TRACK", "85, FAST_TRACK", "84, QUALIFIED", "70, QUALIFIED", "69, NURTURE", "50, NURTURE",
            "49, NOT_QUALIFIED", "2, NOT_QUALIFIED"})
    void bands(double value, String expected) {
        assertThat((String) dmn.evaluateDecisionTable(band, Variables.createVariables().putValue("points", value))
                .getSingleResult().getEntry("band")).isEqualTo(expected);
    }
}
