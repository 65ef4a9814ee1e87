package io.circuitos.tasks;

import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "load customer" task: writes the customer's variables (see {@link Customer#variables()}) locally,
 * e.g. into one instance of a multi-instance subprocess. Model it without input/output mappings so the
 * variables land in the enclosing scope.
 */
public class LoadCustomerTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> CUSTOMER_ID = TaskInput.text("customerId", "id in the customer store").required().fromRun();

    public static final TaskSpec SPEC = TaskSpec.serviceTask("loadCustomer")
            .title("Load a customer (writes every field of the customer store)")
            .description("Loads a customer of the customer store into the scope the task runs in: every field, the churn model's "
                    + "features among them.")
            .inputs(CUSTOMER_ID)
            .outputs(TaskOutput.text("customerName", "the customer's name"), TaskOutput.text("customerEmail", "the customer's address"),
                    TaskOutput.text("segment", "the customer's segment"), TaskOutput.number("customerValue", "yearly value"),
                    TaskOutput.text("customerStatus", "active or churned"))
            .alsoWrites(TaskSpec.Also.CUSTOMER_FIELDS)
            .writesIntoScope()
            .noSideEffects()
            .tool()
            .build();

    private final CustomerStore store;

    public LoadCustomerTask(CustomerStore store) {
        this.store = store;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = CUSTOMER_ID.require(execution);
        Customer customer = store.find(customerId)
                .orElseThrow(() -> new IllegalStateException("no customer '" + customerId + "' in the customer store"));
        execution.setVariablesLocal(customer.variables());
    }
}
