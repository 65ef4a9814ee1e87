package io.circuitos.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** Customers for tests: a churned or an active one with the Telco attributes the model and the tables read. */
public final class TestCustomers {

    private TestCustomers() {
    }

    /** {@code internetService}: "Fiber optic" (segment fiber), "DSL" (dsl) or "No" (phone-only). */
    public static Customer churned(String id, String internetService, double monthlyCharges, LocalDate churnedOn) {
        return new Customer(id, "Customer " + id, id.toLowerCase() + "@customers.example",
                attributes(internetService, monthlyCharges, "Month-to-month", 2), Customer.Status.CHURNED, churnedOn, "file");
    }

    /** An active customer the churn model sees as very likely to leave (fiber, month-to-month, new, electronic check). */
    public static Customer activeAtRisk(String id, double monthlyCharges) {
        return new Customer(id, "Customer " + id, id.toLowerCase() + "@customers.example",
                attributes("Fiber optic", monthlyCharges, "Month-to-month", 1), Customer.Status.ACTIVE, null, null);
    }

    /** An active customer the churn model sees as very unlikely to leave (two-year contract, long tenure). */
    public static Customer activeLoyal(String id, double monthlyCharges) {
        return new Customer(id, "Customer " + id, id.toLowerCase() + "@customers.example",
                attributes("DSL", monthlyCharges, "Two year", 70), Customer.Status.ACTIVE, null, null);
    }

    private static Map<CustomerColumn, Object> attributes(String internetService, double monthlyCharges, String contract, int tenure) {
        boolean internet = !internetService.equals("No");
        String addOn = internet ? "No" : "No internet service";
        Map<CustomerColumn, Object> a = new EnumMap<>(CustomerColumn.class);
        a.put(CustomerColumn.GENDER, "Female");
        a.put(CustomerColumn.SENIOR_CITIZEN, "0");
        a.put(CustomerColumn.PARTNER, "No");
        a.put(CustomerColumn.DEPENDENTS, "No");
        a.put(CustomerColumn.TENURE, tenure);
        a.put(CustomerColumn.PHONE_SERVICE, "Yes");
        a.put(CustomerColumn.MULTIPLE_LINES, "No");
        a.put(CustomerColumn.INTERNET_SERVICE, internetService);
        a.put(CustomerColumn.ONLINE_SECURITY, addOn);
        a.put(CustomerColumn.ONLINE_BACKUP, addOn);
        a.put(CustomerColumn.DEVICE_PROTECTION, addOn);
        a.put(CustomerColumn.TECH_SUPPORT, addOn);
        a.put(CustomerColumn.STREAMING_TV, addOn);
        a.put(CustomerColumn.STREAMING_MOVIES, addOn);
        a.put(CustomerColumn.CONTRACT, contract);
        a.put(CustomerColumn.PAPERLESS_BILLING, "Yes");
        a.put(CustomerColumn.PAYMENT_METHOD, contract.equals("Two year") ? "Bank transfer (automatic)" : "Electronic check");
        a.put(CustomerColumn.MONTHLY_CHARGES, BigDecimal.valueOf(monthlyCharges));
        a.put(CustomerColumn.TOTAL_CHARGES, BigDecimal.valueOf(monthlyCharges * tenure));
        return a;
    }
}
