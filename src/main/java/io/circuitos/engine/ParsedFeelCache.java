package io.circuitos.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.circuitos.engine.bounds.FeelBudget;
import io.circuitos.engine.bounds.FeelBudgetExceeded;
import io.circuitos.engine.bounds.FeelCost;
import java.util.HashMap;
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
import camundajar.impl.scala.Option;
import camundajar.impl.scala.Some;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;

/**
 * Camunda's FEEL engine for decision tables, with each expression parsed once. The stock engine
 * parses every input entry of every rule on every evaluation, which made FEEL parsing the largest
 * single cost of a win-back campaign and of support routing (bench/README.md). Evaluation is the
 * stock engine's own: same value mappers, same variable context (with the run's payload fields beneath its
 * variables, {@link RunPayload}), same errors. Each expression's
 * {@link FeelCost} is read once too: one whose ranges exceed the iteration limit is refused, one that
 * iterates runs under the {@link FeelBudget} on the variables it reads, copied before it starts.
 */
final class ParsedFeelCache extends ScalaFeelEngine {

    /** Every input entry, input and output expression of the deployed tables, with room to spare. */
    private static final int EXPRESSIONS = 20_000;

    private record Compiled(ParsedExpression parsed, String failure, FeelCost cost) {
    }

    private final FeelBudget budget;
    private final Cache<String, Compiled> expressions = Caffeine.newBuilder().maximumSize(EXPRESSIONS).build();
    private final Cache<String, Compiled> unaryTests = Caffeine.newBuilder().maximumSize(EXPRESSIONS).build();

    private ParsedFeelCache(FeelBudget budget) {
        super(List.of()); // circuitos registers no custom FEEL functions
        this.budget = budget;
    }

    static FeelEngineFactory factory(FeelBudget budget) {
        FeelEngine engine = new ParsedFeelCache(budget);
        return () -> engine;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        Compiled compiled = expressions.get(expression, text -> compile(text, feelEngine.parseExpression(text)));
        VariableProvider variables = new ContextVariableWrapper(PayloadVariableContext.of(variableContext));
        return (T) evaluate(expression, compiled, variables, null);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        Compiled compiled = unaryTests.get(expression, text -> compile(text, feelEngine.parseUnaryTests(text)));
        StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider variables = new CompositeVariableProvider(toScalaList(input, new ContextVariableWrapper(PayloadVariableContext.of(variableContext))));
        return BoxesRunTime.unboxToBoolean(evaluate(expression, compiled, variables, inputVariable));
    }

    private Compiled compile(String text, Either<Failure, ParsedExpression> parsed) {
        if (parsed instanceof Left<?, ?> left) {
            return new Compiled(null, ((Failure) left.value()).message(), null);
        }
        ParsedExpression expression = parsed.toOption().get();
        return new Compiled(expression, null, FeelCost.of(expression.expression(), budget.maxIterations()));
    }

    private Object evaluate(String expression, Compiled compiled, VariableProvider variables, String inputVariable) {
        if (compiled.failure() != null) {
            throw LOGGER.evaluationException(compiled.failure());
        }
        if (compiled.cost().refusal() != null) {
            throw new FeelBudgetExceeded(expression, compiled.cost().refusal());
        }
        if (!compiled.cost().iterates()) {
            return value(feelEngine.eval(compiled.parsed(), context(variables)));
        }
        VariableProvider copied = copy(variables, compiled.cost(), inputVariable);
        return budget.run(expression, () -> value(feelEngine.eval(compiled.parsed(), context(copied))));
    }

    /** The variables the expression reads, read here: the worker thread has no engine context to read them from. */
    private static VariableProvider copy(VariableProvider variables, FeelCost cost, String inputVariable) {
        java.util.Map<String, Object> values = new HashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>(cost.variables());
        names.add(UnaryTests$.MODULE$.inputVariable());
        if (inputVariable != null) {
            names.add(inputVariable);
        }
        for (String name : names) {
            Option<Object> value = variables.getVariable(name);
            if (value.isDefined()) {
                values.put(name, value.get());
            }
        }
        return new VariableProvider() {
            @Override
            public Option<Object> getVariable(String name) {
                return values.containsKey(name) ? new Some<>(values.get(name)) : Option.empty();
            }

            @Override
            public Iterable<String> keys() {
                return CollectionConverters.asScala(values.keySet());
            }
        };
    }

    private static CustomContext context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }

    private static Object value(Either<?, ?> either) {
        if (either instanceof Left<?, ?> left) {
            throw LOGGER.evaluationException(((Failure) left.value()).message());
        }
        return either.toOption().get();
    }
}
