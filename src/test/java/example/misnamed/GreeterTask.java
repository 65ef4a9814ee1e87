package example.misnamed;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskSpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A task class not named after its task (it would be GreetCustomerTask): the catalogue refuses it. */
public class GreeterTask implements JavaDelegate, GenericTask {

    public static final TaskSpec SPEC = TaskSpec.serviceTask("greetCustomer")
            .title("Greet a customer")
            .description("Writes a greeting.")
            .noSideEffects()
            .build();

    @Override
    public void execute(DelegateExecution execution) {
    }
}
