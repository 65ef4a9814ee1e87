package io.circuitos.customers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One attribute of a customer: its column in the Telco churn file (the import format), its column in
 * {@code circuitos_customer}, its name as a churn-model feature and process variable, and what a
 * valid value looks like.
 */
public enum CustomerColumn {
    GENDER("gender", "gender", "gender", Kind.CHOICE, false, Set.of("Female", "Male")),
    SENIOR_CITIZEN("SeniorCitizen", "senior_citizen", "seniorCitizen", Kind.CHOICE, false, Set.of("0", "1")),
    PARTNER("Partner", "partner", "partner", Kind.CHOICE, false, Values.YES_NO),
    DEPENDENTS("Dependents", "dependents", "dependents", Kind.CHOICE, false, Values.YES_NO),
    TENURE("tenure", "tenure", "tenure", Kind.INTEGER, true, Set.of()),
    PHONE_SERVICE("PhoneService", "phone_service", "phoneService", Kind.CHOICE, false, Values.YES_NO),
    MULTIPLE_LINES("MultipleLines", "multiple_lines", "multipleLines", Kind.CHOICE, false, Set.of("Yes", "No", "No phone service")),
    INTERNET_SERVICE("InternetService", "internet_service", "internetService", Kind.CHOICE, true, Set.of("DSL", "Fiber optic", "No")),
    ONLINE_SECURITY("OnlineSecurity", "online_security", "onlineSecurity", Kind.CHOICE, false, Values.INTERNET_ADD_ON),
    ONLINE_BACKUP("OnlineBackup", "online_backup", "onlineBackup", Kind.CHOICE, false, Values.INTERNET_ADD_ON),
    DEVICE_PROTECTION("DeviceProtection", "device_protection", "deviceProtection", Kind.CHOICE, false, Values.INTERNET_ADD_ON),
    TECH_SUPPORT("TechSupport", "tech_support", "techSupport", Kind.CHOICE, false, Values.INTERNET_ADD_ON),
    STREAMING_TV("StreamingTV", "streaming_tv", "streamingTv", Kind.CHOICE, false, Values.INTERNET_ADD_ON),
    STREAMING_MOVIES("StreamingMovies", "streaming_movies", "streamingMovies", Kind.CHOICE, false, Values.INTERNET_ADD_ON),
    CONTRACT("Contract", "contract", "contract", Kind.CHOICE, true, Set.of("Month-to-month", "One year", "Two year")),
    PAPERLESS_BILLING("PaperlessBilling", "paperless_billing", "paperlessBilling", Kind.CHOICE, false, Values.YES_NO),
    PAYMENT_METHOD("PaymentMethod", "payment_method", "paymentMethod", Kind.CHOICE, false,
            Set.of("Electronic check", "Mailed check", "Bank transfer (automatic)", "Credit card (automatic)")),
    MONTHLY_CHARGES("MonthlyCharges", "monthly_charges", "monthlyCharges", Kind.AMOUNT, true, Set.of()),
    // blank for customers in their first month (tenure 0): stored as unknown, as the churn model reads it
    TOTAL_CHARGES("TotalCharges", "total_charges", "totalCharges", Kind.AMOUNT, false, Set.of());

    enum Kind { CHOICE, INTEGER, AMOUNT }

    private static final class Values {
        static final Set<String> YES_NO = Set.of("Yes", "No");
        static final Set<String> INTERNET_ADD_ON = Set.of("Yes", "No", "No internet service");
    }

    public static final List<CustomerColumn> ALL = List.of(values());

    public final String fileColumn;
    final String dbColumn;
    public final String feature;
    final Kind kind;
    public final boolean required;
    final Set<String> choices;

    CustomerColumn(String fileColumn, String dbColumn, String feature, Kind kind, boolean required, Set<String> choices) {
        this.fileColumn = fileColumn;
        this.dbColumn = dbColumn;
        this.feature = feature;
        this.kind = kind;
        this.required = required;
        this.choices = choices;
    }

    /** The typed value of a non-blank text, or an {@link InvalidValue} saying what is wrong with it. */
    public Object parse(String text) {
        return switch (kind) {
            case CHOICE -> {
                if (!choices.contains(text)) {
                    throw new InvalidValue("must be one of " + choices.stream().sorted().toList());
                }
                yield text;
            }
            case INTEGER -> {
                try {
                    int value = Integer.parseInt(text);
                    if (value < 0) {
                        throw new InvalidValue("must be ≥ 0");
                    }
                    yield value;
                } catch (NumberFormatException e) {
                    throw new InvalidValue("must be a whole number");
                }
            }
            case AMOUNT -> {
                try {
                    BigDecimal value = new BigDecimal(text);
                    if (value.signum() < 0) {
                        throw new InvalidValue("must be ≥ 0");
                    }
                    if (value.compareTo(maxAmount()) > 0) {
                        throw new InvalidValue("must be ≤ " + maxAmount().toPlainString());
                    }
                    yield value;
                } catch (NumberFormatException e) {
                    throw new InvalidValue("must be a number");
                }
            }
        };
    }

    /** What the column holds: {@code monthly_charges decimal(10,2)}, {@code total_charges decimal(12,2)}. */
    private BigDecimal maxAmount() {
        return this == MONTHLY_CHARGES ? new BigDecimal("99999999.99") : new BigDecimal("9999999999.99");
    }

    public static final class InvalidValue extends RuntimeException {
        InvalidValue(String message) {
            super(message);
        }
    }
}
