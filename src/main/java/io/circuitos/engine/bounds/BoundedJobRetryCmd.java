package io.circuitos.engine.bounds;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** A job stopped by a run-time bound would go past it again on every retry: it becomes an incident at once. */
final class BoundedJobRetryCmd extends DefaultJobRetryCmd {

    BoundedJobRetryCmd(String jobId, Throwable exception) {
        super(jobId, exception);
    }

    @Override
    protected void decrementRetries(JobEntity job) {
        if (RunTimeBoundExceeded.in(exception) != null) {
            job.setRetries(0);
        } else {
            super.decrementRetries(job);
        }
    }
}
