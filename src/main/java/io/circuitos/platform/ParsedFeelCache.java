package io.circuitos.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;

/**
 * Camunda's FEEL engine for decision tables, with each expression parsed once. The stock engine
 * parses every input entry of every rule on every evaluation, which made FEEL parsing the largest
 * single cost of a win-back campaign and of support routing (bench/README.md). Evaluation is the
 * stock engine's own: same value mappers, same variable context, same errors.
 */
final class ParsedFeelCache extends ScalaFeelEngine {

    /** Every input entry, input and output expression of the deployed tables, with room to spare. */
    private static final int EXPRESSIONS = 20_000;

    private final Cache<String, Either<Failure, ParsedExpression>> expressions = Caffeine.newBuilder().maximumSize(EXPRESSIONS).build();
    private final Cache<String, Either<Failure, ParsedExpression>> unaryTests = Caffeine.newBuilder().maximumSize(EXPRESSIONS).build();

    private ParsedFeelCache() {
        super(List.of()); // circuitos registers no custom FEEL functions
    }

    static FeelEngineFactory factory() {
        FeelEngine engine = new ParsedFeelCache();
        return () -> engine;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions.get(expression, feelEngine::parseExpression));
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) value(feelEngine.eval(parsed, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests.get(expression, feelEngine::parseUnaryTests));
        StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider variables = new CompositeVariableProvider(toScalaList(input, new ContextVariableWrapper(variableContext)));
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
        return BoxesRunTime.unboxToBoolean(value(feelEngine.eval(parsed, context)));
    }

    private static ParsedExpression parsed(Either<Failure, ParsedExpression> parsed) {
        return (ParsedExpression) value(parsed);
    }

    private static Object value(Either<?, ?> either) {
        if (either instanceof Left<?, ?> left) {
            throw LOGGER.evaluationException(((Failure) left.value()).message());
        }
        return either.toOption().get();
    }
}
