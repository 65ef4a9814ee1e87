package io.circuitos.agents.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.audit.MatchedRuleRecorder;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysts' table {@code support-routing} on both sides of every threshold of the brief. */
class SupportRoutingDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision routing;

    @BeforeAll
    static void parse() throws Exception {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new MatchedRuleRecorder()));
        dmn = configuration.buildEngine();
        try (InputStream in = SupportRoutingDecisionTest.class.getClassLoader().getResourceAsStream("decisions/support-routing.dmn")) {
            routing = dmn.parseDecision("support-routing", in);
        }
    }

    @ParameterizedTest(name = "confidence {0}, risk {1}, {2} {3}, handoff {4}, grounded {5} → {6} {7}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "0.86 | 0.14 | neutral  | standard | 0    | true  | auto_answer | -",
            "0.85 | 0.14 | neutral  | standard | 0    | true  | review      | -",
            "0.86 | 0.15 | neutral  | standard | 0    | true  | review      | -",
            "0.50 | 0.10 | neutral  | standard | 0    | true  | review      | -",
            "0.49 | 0.10 | neutral  | standard | 0    | true  | human       | P3",
            "0.49 | 0.10 | neutral  | vip      | 0    | true  | human       | P2",
            "0.95 | 0.24 | negative | standard | 0    | true  | review      | -",
            "0.95 | 0.25 | neutral  | standard | 0    | true  | human       | P2",
            "0.95 | 0.25 | negative | standard | 0    | true  | human       | P1",
            "0.95 | 0.10 | negative | vip      | 0    | true  | human       | P1",
            "0.95 | 0.10 | positive | vip      | 0    | true  | auto_answer | -",
            "0.95 | 0.10 | neutral  | standard | 74.9 | true  | auto_answer | -",
            "0.95 | 0.10 | neutral  | standard | 75   | true  | human       | P2",
            "0.95 | 0.10 | neutral  | standard | 89.9 | true  | human       | P2",
            "0.95 | 0.10 | neutral  | standard | 90   | true  | human       | P1",
            // the model's confidence alone never sends an answer: not grounded (or not known to be) → a person
            "0.99 | 0.05 | positive | standard | 0    | false | human       | P3",
            "0.99 | 0.05 | positive | vip      | 0    | false | human       | P2",
            "0.70 | 0.05 | neutral  | standard | 0    | false | human       | P3",
            "0.99 | 0.05 | positive | standard | 0    | -     | human       | P3",
            "0.99 | 0.10 | negative | vip      | 0    | false | human       | P1",
            // no model answered (LLM out or over budget): sentiment "not classified", confidence 0, nothing grounded
            "0.00 | 0.10 | not classified | vip      | 0  | false | human | P2",
            "0.00 | 0.30 | not classified | vip      | 0  | false | human | P2",
            "0.00 | 0.10 | not classified | vip      | 90 | false | human | P1",
            "0.00 | 0.10 | not classified | standard | 0  | false | human | P3"})
    void routesEveryThreshold(double confidence, double risk, String sentiment, String tier, double handoffScore, Boolean grounded,
                              String route, String priority) {
        Map<String, Object> inputs = new HashMap<>(Map.of("confidence", confidence, "risk", risk, "sentiment", sentiment,
                "customerTier", tier, "handoffScore", handoffScore));
        if (grounded != null) {
            inputs.put("grounded", grounded);
        }
        DmnDecisionRuleResult result = dmn.evaluateDecisionTable(routing, Variables.fromMap(inputs)).getSingleResult();
        assertThat((String) result.getEntry("route")).isEqualTo(route);
        assertThat(result.getEntryMap().get("priority")).isEqualTo(priority); // an empty cell yields no entry
    }

    /** The trail names the rule that decided: for a ticket no model classified, a VIP's has a rule of its own. */
    @ParameterizedTest(name = "not classified, {0} → {1}")
    @CsvSource({"vip, rule-not-classified-vip", "standard, rule-unsure"})
    void aTicketNoModelClassifiedIsRoutedByARuleThatSaysSo(String tier, String rule) {
        Map<String, Object> inputs = Map.of("confidence", 0.0, "risk", 0.10, "sentiment", "not classified", "customerTier", tier,
                "handoffScore", 0.0, "grounded", false);
        assertThat(MatchedRuleRecorder.capturing(() -> dmn.evaluateDecisionTable(routing, Variables.fromMap(inputs))).matchedRuleIds())
                .containsExactly(rule);
    }
}
