package io.circuitos.engine.bounds;

/** A FEEL expression went past (or would go past) the evaluation budget; names the expression. */
public class FeelBudgetExceeded extends RunTimeBoundExceeded {

    public FeelBudgetExceeded(String expression, String reason) {
        super(expression, "FEEL expression '" + abbreviated(expression) + "': " + reason);
    }

    public String expression() {
        return elementId();
    }

    private static String abbreviated(String expression) {
        return expression.length() <= 200 ? expression : expression.substring(0, 200) + "…";
    }
}
