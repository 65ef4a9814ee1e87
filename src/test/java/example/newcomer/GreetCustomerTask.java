package example.newcomer;

import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A task as a newcomer writes it, and nothing else: it exists only in the tests, outside the shipped
 * package, so the shipped catalogue never sees it (see {@code ANewTaskIsOneClassTest}).
 */
public class GreetCustomerTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> NAME = TaskInput.text("customerName", "who to greet").required();
    static final TaskInput<Double> WARMTH = TaskInput.number("warmth", "0–1 (default 0.5)");
    static final TaskOutput<String> GREETING = TaskOutput.text("greeting", "the greeting");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("greetCustomer")
            .title("Greet a customer")
            .description("Writes a greeting for a customer, warmer above a warmth of 0.5.")
            .inputs(NAME, WARMTH)
            .outputs(GREETING)
            .noSideEffects()
            .build();

    private final Clock clock;

    /** A bean it needs, as a real task needs a store or a registry. */
    public GreetCustomerTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = NAME.require(execution);
        GREETING.write(execution, WARMTH.read(execution, 0.5) > 0.5 ? "Dear " + name + ", lovely to hear from you." : "Hello " + name + ".");
    }

    public Clock clock() {
        return clock;
    }
}
