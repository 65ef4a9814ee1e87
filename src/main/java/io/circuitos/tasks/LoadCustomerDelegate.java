package io.circuitos.tasks;

import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "load customer" task: reads {@code customerId} and writes the customer's variables
 * (see {@link Customer#variables()}) locally, e.g. into one instance of a multi-instance subprocess.
 * Model it without input/output mappings so the variables land in the enclosing scope.
 */
public class LoadCustomerDelegate implements JavaDelegate {

    private final CustomerStore store;

    public LoadCustomerDelegate(CustomerStore store) {
        this.store = store;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = String.valueOf(execution.getVariable("customerId"));
        Customer customer = store.find(customerId)
                .orElseThrow(() -> new IllegalStateException("no customer '" + customerId + "' in the customer store"));
        execution.setVariablesLocal(customer.variables());
    }
}
