package io.circuitos.engine.bounds;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A multi-instance activity's {@code loopCardinality}, {@code collection} expression or collection
 * variable, refused when it asks for more instances than the limit: the engine reads the number of
 * instances through this before it creates a single execution.
 */
final class BoundedCollection implements Expression {

    private final Expression expression;
    private final String variable;
    private final String elementId;
    private final int limit;

    private BoundedCollection(Expression expression, String variable, String elementId, int limit) {
        this.expression = expression;
        this.variable = variable;
        this.elementId = elementId;
        this.limit = limit;
    }

    static Expression ofExpression(Expression expression, String elementId, int limit) {
        return expression == null ? null : new BoundedCollection(expression, null, elementId, limit);
    }

    static Expression ofVariable(String variable, String elementId, int limit) {
        return variable == null ? null : new BoundedCollection(null, variable, elementId, limit);
    }

    @Override
    public Object getValue(VariableScope scope) {
        Object value = expression != null ? expression.getValue(scope) : scope.getVariable(variable);
        long instances = value instanceof Collection<?> collection ? collection.size()
                : value instanceof Number number ? number.longValue()
                : value instanceof String text ? parsed(text) : 0;
        if (instances > limit) {
            throw new RunTimeBoundExceeded(elementId, "multi-instance activity " + elementId + ": " + getExpressionText() + " asks for "
                    + instances + " instances, more than " + RunTimeBounds.CARDINALITY_PROPERTY + " (" + limit + ")");
        }
        return value;
    }

    private static long parsed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0; // the engine's own parse reports it
        }
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
        throw new UnsupportedOperationException("a multi-instance collection is read-only");
    }

    @Override
    public String getExpressionText() {
        return expression != null ? expression.getExpressionText() : variable;
    }

    @Override
    public boolean isLiteralText() {
        return expression != null && expression.isLiteralText();
    }
}
