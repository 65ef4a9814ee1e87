package io.circuitos.agents.lostopportunity;

import io.circuitos.agents.lostopportunity.LostOpportunityProcess.Variable;
import java.util.HashMap;
import java.util.Map;

/**
 * Process variables of three sample opportunities, as the intake maps them from a CRM event. Their
 * scores under the shipped reactivation model put them in the urgent (99.5), high (70.0) and ignore
 * (6.1) bands; {@code ShippedReactivationModelTest} pins that, so a retrained model that moves them
 * fails there with a clear message rather than here.
 */
public final class SampleOpportunities {

    private SampleOpportunities() {
    }

    public static Map<String, Object> urgent() {
        Map<String, Object> v = common("OPP-T-URGENT", "Northwind Fitness", "Dana Whitfield", "dana@northwind.example", 48000);
        v.putAll(profile(34, "management", "single", "university.degree", "no", "no", "no", "cellular", "oct", "tue"));
        v.put(Variable.CONTACTS_THIS_CAMPAIGN, 1L);
        v.put(Variable.DAYS_SINCE_LAST_CONTACT, 6L);
        v.put(Variable.PREVIOUS_CONTACTS, 2L);
        v.put(Variable.PREVIOUS_OUTCOME, "success");
        v.put(Variable.LOSS_REASON, "competitor");
        v.put(Variable.COMPETITOR, "GymFlow");
        return v;
    }

    public static Map<String, Object> high() {
        Map<String, Object> v = common("OPP-T-HIGH", "Lumen Dental Group", "Sara Lindqvist", "sara@lumen.example", 22000);
        v.putAll(profile(39, "admin.", "married", "university.degree", "no", "no", "no", "cellular", "jul", "thu"));
        v.put(Variable.CONTACTS_THIS_CAMPAIGN, 1L);
        v.put(Variable.PREVIOUS_CONTACTS, 0L);
        v.put(Variable.PREVIOUS_OUTCOME, "nonexistent");
        v.put(Variable.LOSS_REASON, "competitor");
        return v;
    }

    public static Map<String, Object> ignore() {
        Map<String, Object> v = common("OPP-T-IGNORE", "Granite Works", "Pete Kowalski", "pete@granite.example", 9000);
        v.putAll(profile(41, "blue-collar", "married", "basic.9y", "unknown", "yes", "no", "telephone", "may", "mon"));
        v.put(Variable.CONTACTS_THIS_CAMPAIGN, 5L);
        v.put(Variable.PREVIOUS_CONTACTS, 0L);
        v.put(Variable.PREVIOUS_OUTCOME, "nonexistent");
        v.put(Variable.LOSS_REASON, "price");
        return v;
    }

    private static Map<String, Object> common(String id, String company, String name, String email, double amount) {
        Map<String, Object> v = new HashMap<>();
        v.put(Variable.OPPORTUNITY_ID, id);
        v.put(Variable.COMPANY, company);
        v.put(Variable.CONTACT_NAME, name);
        v.put(Variable.CONTACT_EMAIL, email);
        v.put(Variable.AMOUNT, amount);
        return v;
    }

    private static Map<String, Object> profile(long age, String job, String marital, String education, String creditDefault,
                                               String housing, String loan, String channel, String month, String weekday) {
        Map<String, Object> v = new HashMap<>();
        v.put(Variable.AGE, age);
        v.put(Variable.JOB, job);
        v.put(Variable.MARITAL_STATUS, marital);
        v.put(Variable.EDUCATION, education);
        v.put(Variable.CREDIT_DEFAULT, creditDefault);
        v.put(Variable.HOUSING_LOAN, housing);
        v.put(Variable.PERSONAL_LOAN, loan);
        v.put(Variable.CONTACT_CHANNEL, channel);
        v.put(Variable.LAST_CONTACT_MONTH, month);
        v.put(Variable.LAST_CONTACT_WEEKDAY, weekday);
        return v;
    }
}
