package io.circuitos.engine.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

/** What a FEEL expression may cost, read from its syntax tree without evaluating it. */
class FeelCostTest {

    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
    private static final long LIMIT = 10_000;

    private static FeelCost cost(String expression) {
        var parsed = FEEL.parseExpression(expression);
        assertThat(parsed.isSuccess()).as(expression).isTrue();
        return FeelCost.of(parsed.parsedExpression().expression(), LIMIT);
    }

    @Test
    void aPlainComparisonNeitherIteratesNorIsRefusedAndNamesItsVariables() {
        FeelCost cost = cost("score >= 80 and customer.tier = \"vip\"");

        assertThat(cost.refusal()).isNull();
        assertThat(cost.iterates()).isFalse();
        assertThat(cost.variables()).containsExactlyInAnyOrder("score", "customer");
    }

    @Test
    void aRangeWithinTheLimitIteratesUnderTheTimeBudget() {
        FeelCost cost = cost("sum(for x in 1..10000 return x)");

        assertThat(cost.refusal()).isNull();
        assertThat(cost.iterates()).isTrue();
    }

    @Test
    void nestedRangesMultiplyAndAreRefusedOverTheLimit() {
        assertThat(cost("for x in 1..100, y in 1..101 return x * y").refusal()).contains("10100 iterations", FeelBudget.ITERATIONS_PROPERTY);
        assertThat(cost("for x in 1..100 return for y in 1..101 return y").refusal()).contains("10100 iterations");
        assertThat(cost("count(for x in 1..3000000 return x) > 0").refusal()).contains("3000000 iterations");
        assertThat(cost("some x in 100000..1 satisfies x > 5").refusal()).contains("100000 iterations");
    }

    @Test
    void aRangeWithAVariableBoundIsRefused() {
        assertThat(cost("for x in 1..n return x").refusal()).contains("number literals as bounds");
    }

    @Test
    void listsAndFunctionDefinitionsIterateWithoutAStaticCount() {
        assertThat(cost("every c in customers satisfies c.score > 0")).satisfies(cost -> {
            assertThat(cost.refusal()).isNull();
            assertThat(cost.iterates()).isTrue();
            assertThat(cost.variables()).contains("customers");
        });
        assertThat(cost("{f: function(n) n + 1, r: f(2)}.r").iterates()).isTrue();
    }
}
