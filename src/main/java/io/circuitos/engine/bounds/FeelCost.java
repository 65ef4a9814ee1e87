package io.circuitos.engine.bounds;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.Tuple2;
import camundajar.impl.scala.collection.Iterator;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.IterationContext;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.SomeItem;

/**
 * What a parsed FEEL expression may cost, read from its syntax tree before it runs: the iterations its
 * {@code for}, {@code some} and {@code every} over number ranges add up to (a range must have number
 * literals as bounds, so the count is known), whether it iterates or defines functions at all (then
 * its time is not bounded by its length and it runs under the time budget) and the variables it reads.
 *
 * @param refusal    why it may not run at all, or null
 * @param iterates   true when it has an iteration or a function definition
 * @param variables  the first name of every reference in it
 */
public record FeelCost(String refusal, boolean iterates, Set<String> variables) {

    public static FeelCost of(Exp expression, long maxIterations) {
        Walk walk = new Walk();
        long iterations = walk.iterations(expression);
        String refusal = walk.refusal != null ? walk.refusal
                : iterations > maxIterations ? "its ranges add up to " + iterations + " iterations, more than " + FeelBudget.ITERATIONS_PROPERTY
                + " (" + maxIterations + ")" : null;
        return new FeelCost(refusal, walk.iterates, Set.copyOf(walk.variables));
    }

    private static final class Walk {

        private static final long UNBOUNDED = Long.MAX_VALUE / 4;

        private String refusal;
        private boolean iterates;
        private final Set<String> variables = new LinkedHashSet<>();

        long iterations(Object node) {
            if (node instanceof Ref ref && ref.names().nonEmpty()) {
                variables.add(ref.names().head());
            }
            if (node instanceof FunctionDefinition) {
                iterates = true;
            }
            if (node instanceof For loop) {
                return loop(loop.iterators(), loop.exp());
            }
            if (node instanceof SomeItem some) {
                return loop(some.iterators(), some.condition());
            }
            if (node instanceof EveryItem every) {
                return loop(every.iterators(), every.condition());
            }
            return children(node);
        }

        private long loop(camundajar.impl.scala.collection.immutable.List<Tuple2<String, Exp>> iterators, Exp body) {
            iterates = true;
            long size = 1;
            long inIterators = 0;
            Iterator<Tuple2<String, Exp>> each = iterators.iterator();
            while (each.hasNext()) {
                Exp source = each.next()._2();
                inIterators = saturated(inIterators + iterations(source));
                size = saturated(size * Math.max(1, rangeSize(source)));
            }
            return saturated(inIterators + size * Math.max(1, iterations(body)));
        }

        /** A number range's length; 0 for a list (its length is its variable's, already in memory). */
        private long rangeSize(Exp source) {
            if (!(source instanceof IterationContext range)) {
                return 0;
            }
            if (range.start() instanceof ConstNumber start && range.end() instanceof ConstNumber end) {
                BigDecimal length = end.value().bigDecimal().subtract(start.value().bigDecimal()).abs().add(BigDecimal.ONE);
                return length.compareTo(BigDecimal.valueOf(UNBOUNDED)) > 0 ? UNBOUNDED : length.longValue();
            }
            if (refusal == null) {
                refusal = "a range to iterate over needs number literals as bounds (e.g. 1..100)";
            }
            return UNBOUNDED;
        }

        /** A node's parts: the fields of a case class, the elements of a sequence or map (not all of them are products). */
        @SuppressWarnings("unchecked")
        private long children(Object node) {
            Iterator<Object> elements;
            if (node instanceof camundajar.impl.scala.collection.Iterable<?> iterable) {
                elements = (Iterator<Object>) iterable.iterator();
            } else if (node instanceof Product product && !(node instanceof ConstNumber)) {
                elements = product.productIterator();
            } else {
                return 0;
            }
            long sum = 0;
            while (elements.hasNext()) {
                sum = saturated(sum + iterations(elements.next()));
            }
            return sum;
        }

        private static long saturated(long value) {
            return value < 0 || value > UNBOUNDED ? UNBOUNDED : value;
        }
    }
}
