package io.circuitos.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * Runs work as one engine command (in the caller's transaction, else a new one): the starts in it share one entity
 * cache (process and job definitions read once, not per start) and one flush, which batches every instance's
 * inserts. What bulk starts (imports, the webhook inbox) need from the engine's internals, kept here.
 */
public final class OneCommand {

    private final CommandExecutor executor;

    public OneCommand(ProcessEngine engine) {
        this.executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }

    public <T> T run(Supplier<T> work) {
        return executor.execute(commandContext -> work.get());
    }

    /** Inside {@link #run}: the id of the latest deployed version of a process, from the deployment cache. */
    public static String latestDefinitionId(String processKey) {
        return Context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(processKey).getId();
    }
}
