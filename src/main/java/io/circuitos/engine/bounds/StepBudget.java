package io.circuitos.engine.bounds;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Counts the activities started in one engine command (one transaction: a start, a correlation, a
 * job) and stops the command at the budget, naming the activity it reached. A loop that passes a wait
 * state (a user task, a timer, an asynchronous continuation) starts a new command each time round and
 * is not stopped; a loop without one is.
 */
final class StepBudget implements ExecutionListener {

    private final int limit;

    StepBudget(int limit) {
        this.limit = limit;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CommandContext command = Context.getCommandContext();
        if (command != null && command.getSession(Steps.class).count() > limit) {
            String element = execution.getCurrentActivityId();
            throw new RunTimeBoundExceeded(element, "activity " + element + " of process " + execution.getProcessDefinitionId()
                    + " is past " + RunTimeBounds.STEPS_PROPERTY + " (" + limit
                    + " activities in one transaction): a loop without a wait state? The transaction was rolled back");
        }
    }

    /** The count of one command; the engine opens one per command context. */
    static final class Steps implements Session {

        private int started;

        int count() {
            return ++started;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return Steps.class;
        }

        @Override
        public Session openSession() {
            return new Steps();
        }
    }
}
