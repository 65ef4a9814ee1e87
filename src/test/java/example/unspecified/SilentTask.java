package example.unspecified;

import io.circuitos.tasks.GenericTask;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A task class that declares no spec: the catalogue refuses it, saying what to add. */
public class SilentTask implements JavaDelegate, GenericTask {

    @Override
    public void execute(DelegateExecution execution) {
    }
}
