package io.circuitos.engine.sandbox;

import java.util.function.Function;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager, sandboxed for every expression whoever deployed it: variables,
 * the registered generic tasks (no other bean), the start's payload fields by name ({@link io.circuitos.engine.RunPayload}), read-only maps, lists and arrays, and the allow-listed
 * methods of {@link SafeMembers}. Anything else fails when evaluated, so an expression that got past
 * the deployment guard (or was deployed before it) becomes an incident instead of running. Decision
 * tables evaluated by the engine (also over REST) use the same resolvers.
 */
public class SandboxedExpressionManager extends JuelExpressionManager {

    private final Function<String, Object> beans;
    private final RegisteredTasks tasks;

    /**
     * @param beans finds a registered generic task's bean by name (null when there is none)
     * @param tasks the names expressions may resolve to beans
     */
    public SandboxedExpressionManager(Function<String, Object> beans, RegisteredTasks tasks) {
        this.beans = beans;
        this.tasks = tasks;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(new RegisteredBeans(beans, tasks)));
        resolver.add(new PayloadFieldResolver());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new AllowListMethodResolver());
        return resolver;
    }
}
