package io.circuitos.platform;

import java.util.Map;

/**
 * A configuration bean registered as a {@link GenericTasks.Kind#SETTING}: expressions read its values
 * as properties ({@code ${winBackSchedule.cron}}), never its methods.
 */
public interface ExpressionSettings {

    Map<String, Object> expressionValues();
}
