package io.circuitos.intake;

import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerColumn;
import io.circuitos.customers.CustomerStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Billing webhooks into the customer store (route {@code handler: customer-store}):
 * {@code customer.updated} creates or changes a customer (only the attributes sent),
 * {@code customer.churned} marks one churned on {@code churnedOn} (default: today). Attribute
 * variables carry the churn model's feature names, e.g. {@code contract}, {@code monthlyCharges}.
 */
public class CustomerEvents implements EventHandler {

    public static final String NAME = "customer-store";

    private final CustomerStore store;
    private final Clock clock;

    public CustomerEvents(CustomerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(String eventType, Map<String, Object> variables) {
        String customerId = String.valueOf(variables.get("customerId"));
        switch (eventType) {
            case "customer.updated" -> updated(customerId, variables);
            case "customer.churned" -> churned(customerId, variables);
            default -> throw IntakeRejection.badField("type", "the customer store does not handle '" + eventType + "'");
        }
    }

    private void updated(String customerId, Map<String, Object> variables) {
        Map<CustomerColumn, Object> changes = new EnumMap<>(CustomerColumn.class);
        for (CustomerColumn column : CustomerColumn.ALL) {
            Object value = variables.get(column.feature);
            if (value != null && !value.toString().isBlank()) {
                try {
                    changes.put(column, column.parse(plain(value)));
                } catch (CustomerColumn.InvalidValue invalid) {
                    throw IntakeRejection.badField("data." + column.feature, invalid.getMessage());
                }
            }
        }
        String name = (String) variables.get("customerName");
        String email = (String) variables.get("customerEmail");
        Customer customer = store.find(customerId)
                .map(existing -> existing.with(changes, name, email))
                .orElseGet(() -> newCustomer(customerId, changes, name, email));
        store.upsert(customer, clock.instant());
    }

    private static Customer newCustomer(String customerId, Map<CustomerColumn, Object> attributes, String name, String email) {
        for (CustomerColumn column : CustomerColumn.ALL) {
            if (column.required && !attributes.containsKey(column)) {
                throw IntakeRejection.badField("data." + column.feature, "is required for a customer the store does not know yet");
            }
        }
        return new Customer(customerId, name, email, attributes, Customer.Status.ACTIVE, null, null);
    }

    private void churned(String customerId, Map<String, Object> variables) {
        Customer customer = store.find(customerId).orElseThrow(() -> IntakeRejection.notFound(
                "no customer '" + customerId + "' in the customer store: send customer.updated or import it first"));
        store.upsert(customer.churned(churnDate(variables.get("churnedOn"))), clock.instant());
    }

    private LocalDate churnDate(Object text) {
        LocalDate today = LocalDate.now(clock);
        if (text == null) {
            return today;
        }
        try {
            LocalDate date = LocalDate.parse(text.toString().length() > 10 ? text.toString().substring(0, 10) : text.toString());
            if (date.isAfter(today)) {
                throw IntakeRejection.badField("data.churnedOn", "is in the future");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw IntakeRejection.badField("data.churnedOn", "must be a date like 2026-11-02");
        }
    }

    /** Numbers arrive as doubles from the payload mapper; the columns parse text. */
    private static String plain(Object value) {
        if (value instanceof Double number && number == Math.rint(number)) {
            return Long.toString(number.longValue());
        }
        return value.toString().trim();
    }

    /** Reactivation (win-back conversion reported by billing): the customer is active again. */
    public void reactivate(String customerId) {
        store.find(customerId).ifPresent(customer -> store.upsert(customer.reactivated(), clock.instant()));
    }
}
