package io.circuitos.tasks;

import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerStore;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "look up the customer by email" task, made for the LLM's tools: the customer store's record of the
 * address the analyst binds (the run's own contact, never one the model names), or {@code customerFound} false.
 */
public class LookUpCustomerTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> EMAIL = TaskInput.text("email", "the address to look up: bind the run's own (e.g. ${contactEmail})")
            .required();
    static final TaskOutput<Boolean> CUSTOMER_FOUND = TaskOutput.bool("customerFound", "whether the customer store has this address");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("lookUpCustomer")
            .title("Look up the customer by email")
            .description("Finds the run's own contact in the customer store by email address: the plan, contract, charges, tenure, "
                    + "segment, value and status; customerFound false when the address is not a customer's.")
            .inputs(EMAIL)
            .outputs(CUSTOMER_FOUND)
            .alsoWrites(TaskSpec.Also.CUSTOMER_FIELDS)
            .noSideEffects()
            .tool()
            .build();

    private final CustomerStore store;

    public LookUpCustomerTask(CustomerStore store) {
        this.store = store;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String email = EMAIL.read(execution, "").trim();
        Optional<Customer> customer = email.isEmpty() ? Optional.empty() : store.findByEmail(email);
        CUSTOMER_FOUND.write(execution, customer.isPresent());
        customer.ifPresent(found -> execution.setVariablesLocal(found.variables()));
    }
}
