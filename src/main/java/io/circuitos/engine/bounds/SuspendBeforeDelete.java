package io.circuitos.engine.bounds;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Lets whoever may delete a deployment stop what it runs. A cascading delete finds the running
 * instances, then deletes the definitions; a timer start event that fires in between commits an
 * instance the delete did not see, and the delete failed on the foreign key from the new execution to
 * its definition (a 500, again and again while the timer fires every second). So, in a transaction of
 * its own committed before the delete, the deployment's process definitions are suspended with their
 * instances and jobs (a timer job running at that moment fails on its optimistic lock and starts
 * nothing); the delete then sees every instance there is. A delete without cascade of a deployment
 * with running instances is refused with a 400 that says so, and suspends nothing.
 */
final class SuspendBeforeDelete extends CommandInterceptor {

    private static final Field DEPLOYMENT_ID = field("deploymentId");
    private static final Field CASCADE = field("cascade");

    private final ProcessEngineConfigurationImpl engine;

    /** @param engine whose requires-new executor runs the suspension (built after the interceptors) */
    SuspendBeforeDelete(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof DeleteDeploymentCmd delete) {
            String deploymentId = (String) read(DEPLOYMENT_ID, delete);
            boolean cascade = (Boolean) read(CASCADE, delete);
            if (deploymentId != null) {
                engine.getCommandExecutorTxRequiresNew().execute(context -> suspend(context, deploymentId, cascade));
            }
        }
        return next.execute(command);
    }

    private static Void suspend(CommandContext context, String deploymentId, boolean cascade) {
        if (context.getDeploymentManager().findDeploymentById(deploymentId) == null) {
            return null; // the delete itself answers for an unknown deployment
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkDeleteDeployment(deploymentId); // only who may delete it may have it suspended
        }
        return context.runWithoutAuthorization(() -> {
            var repository = context.getProcessEngineConfiguration().getRepositoryService();
            var runtime = context.getProcessEngineConfiguration().getRuntimeService();
            for (ProcessDefinition definition : new ProcessDefinitionQueryImpl().deploymentId(deploymentId).list()) {
                long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
                if (!cascade && running > 0) {
                    throw new BadUserRequestException("deployment " + deploymentId + " has " + running + " running instances of "
                            + definition.getKey() + ": delete it with cascade=true to delete them too");
                }
                if (!definition.isSuspended()) {
                    repository.updateProcessDefinitionSuspensionState().byProcessDefinitionId(definition.getId())
                            .includeProcessInstances(true).suspend();
                }
            }
            return null;
        });
    }

    private static Field field(String name) {
        try {
            Field field = DeleteDeploymentCmd.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DeleteDeploymentCmd of this Camunda version has no field " + name, e);
        }
    }

    private static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
