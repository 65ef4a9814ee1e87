package io.circuitos.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** Parsing once changes nothing a decision table sees: same answers and same errors as Camunda's own FEEL engine. */
class ParsedFeelCacheTest {

    private final FeelEngine stock = new ScalaFeelEngine(List.of());
    private final FeelEngine cached = ParsedFeelCache.factory(io.circuitos.engine.bounds.FeelBudget.defaults()).createInstance();

    @Test
    void unaryTestsAnswerAsTheStockEngineDoesAlsoWhenAskedAgain() {
        VariableContext score = Variables.createVariables().putValue("score", 82).putValue("segment", "fiber").asVariableContext();
        for (String test : List.of(">= 80", "< 50", "[50..79]", "\"fiber\"", "\"dsl\", \"fiber\"", "not(\"dsl\")", "-")) {
            for (int twice = 0; twice < 2; twice++) {
                assertThat(cached.evaluateSimpleUnaryTests(test, "score", score)).as(test)
                        .isEqualTo(stock.evaluateSimpleUnaryTests(test, "score", score));
                assertThat(cached.evaluateSimpleUnaryTests(test, "segment", score)).as(test)
                        .isEqualTo(stock.evaluateSimpleUnaryTests(test, "segment", score));
            }
        }
    }

    @Test
    void expressionsAnswerAsTheStockEngineDoes() {
        VariableContext variables = Variables.createVariables().putValue("value", 1200.0).putValue("tier", "vip").asVariableContext();
        for (String expression : List.of("value * 0.1", "tier = \"vip\"", "if value > 1000 then \"high\" else \"low\"", "missing")) {
            Object expected = stock.evaluateSimpleExpression(expression, variables);
            assertThat((Object) cached.evaluateSimpleExpression(expression, variables)).as(expression).isEqualTo(expected);
            assertThat((Object) cached.evaluateSimpleExpression(expression, variables)).as(expression).isEqualTo(expected);
        }
    }

    @Test
    void anExpressionThatDoesNotParseFailsWithTheStockEnginesMessageEachTime() {
        VariableContext none = Variables.createVariables().asVariableContext();
        String message = catchMessage(() -> stock.evaluateSimpleUnaryTests(">= >=", "x", none));
        assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests(">= >=", "x", none)).isInstanceOf(FeelException.class).hasMessage(message);
        assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests(">= >=", "x", none)).isInstanceOf(FeelException.class).hasMessage(message);
    }

    private static String catchMessage(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (FeelException e) {
            return e.getMessage();
        }
        throw new AssertionError("the stock engine accepted it");
    }
}
