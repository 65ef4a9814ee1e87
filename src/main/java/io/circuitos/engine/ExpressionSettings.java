package io.circuitos.engine;

import java.util.Map;

/**
 * A configuration bean registered as a {@link io.circuitos.engine.sandbox.RegisteredTasks.Kind#SETTING}: expressions read its values
 * as properties ({@code ${winBackSchedule.cron}}), never its methods.
 */
public interface ExpressionSettings {

    Map<String, Object> expressionValues();
}
