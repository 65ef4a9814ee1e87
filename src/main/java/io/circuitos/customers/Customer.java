package io.circuitos.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer of the store. {@code segment} and {@code value} are derived: the segment from the
 * internet service (fiber, dsl, phone-only), the value as twelve months of the current charges.
 *
 * @param churnDateSource {@code file} (given in the import or by billing) or {@code assigned} (demo import without dates)
 */
public record Customer(String id, String name, String email, Map<CustomerColumn, Object> attributes, Status status,
                       LocalDate churnedOn, String churnDateSource) {

    public enum Status { ACTIVE, CHURNED }

    public Customer {
        attributes = new EnumMap<>(attributes.isEmpty() ? new EnumMap<>(CustomerColumn.class) : attributes);
    }

    public String segment() {
        return segmentOf(String.valueOf(attributes.get(CustomerColumn.INTERNET_SERVICE)));
    }

    public BigDecimal value() {
        BigDecimal monthly = (BigDecimal) attributes.get(CustomerColumn.MONTHLY_CHARGES);
        return monthly.multiply(BigDecimal.valueOf(12)).setScale(2, RoundingMode.HALF_UP);
    }

    static String segmentOf(String internetService) {
        return switch (internetService) {
            case "Fiber optic" -> "fiber";
            case "DSL" -> "dsl";
            default -> "phone-only";
        };
    }

    /** The customer as process variables: the churn model's features plus identity, segment and value. */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("customerId", id);
        variables.put("customerName", name);
        variables.put("customerEmail", email);
        variables.put("segment", segment());
        variables.put("customerValue", value().doubleValue());
        variables.put("customerStatus", status.name().toLowerCase());
        variables.put("churnedOn", churnedOn == null ? null : churnedOn.toString());
        attributes.forEach((column, value) -> variables.put(column.feature,
                value instanceof BigDecimal decimal ? decimal.doubleValue() : value));
        return variables;
    }

    public Customer with(Map<CustomerColumn, Object> changes, String newName, String newEmail) {
        Map<CustomerColumn, Object> merged = new EnumMap<>(CustomerColumn.class);
        merged.putAll(attributes);
        merged.putAll(changes);
        return new Customer(id, newName == null ? name : newName, newEmail == null ? email : newEmail, merged, status,
                churnedOn, churnDateSource);
    }

    public Customer churned(LocalDate on) {
        return new Customer(id, name, email, attributes, Status.CHURNED, on, "file");
    }

    public Customer reactivated() {
        return new Customer(id, name, email, attributes, Status.ACTIVE, null, null);
    }
}
