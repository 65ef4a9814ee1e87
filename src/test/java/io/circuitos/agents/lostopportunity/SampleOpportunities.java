package io.circuitos.agents.lostopportunity;

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
        v.put("contactsThisCampaign", 1L);
        v.put("daysSinceLastContact", 6L);
        v.put("previousContacts", 2L);
        v.put("previousOutcome", "success");
        v.put("lossReason", "competitor");
        v.put("competitor", "GymFlow");
        return v;
    }

    public static Map<String, Object> high() {
        Map<String, Object> v = common("OPP-T-HIGH", "Lumen Dental Group", "Sara Lindqvist", "sara@lumen.example", 22000);
        v.putAll(profile(39, "admin.", "married", "university.degree", "no", "no", "no", "cellular", "jul", "thu"));
        v.put("contactsThisCampaign", 1L);
        v.put("previousContacts", 0L);
        v.put("previousOutcome", "nonexistent");
        v.put("lossReason", "competitor");
        return v;
    }

    public static Map<String, Object> ignore() {
        Map<String, Object> v = common("OPP-T-IGNORE", "Granite Works", "Pete Kowalski", "pete@granite.example", 9000);
        v.putAll(profile(41, "blue-collar", "married", "basic.9y", "unknown", "yes", "no", "telephone", "may", "mon"));
        v.put("contactsThisCampaign", 5L);
        v.put("previousContacts", 0L);
        v.put("previousOutcome", "nonexistent");
        v.put("lossReason", "price");
        return v;
    }

    private static Map<String, Object> common(String id, String company, String name, String email, double amount) {
        Map<String, Object> v = new HashMap<>();
        v.put("opportunityId", id);
        v.put("company", company);
        v.put("contactName", name);
        v.put("contactEmail", email);
        v.put("amount", amount);
        return v;
    }

    private static Map<String, Object> profile(long age, String job, String marital, String education, String creditDefault,
                                               String housing, String loan, String channel, String month, String weekday) {
        Map<String, Object> v = new HashMap<>();
        v.put("age", age);
        v.put("job", job);
        v.put("maritalStatus", marital);
        v.put("education", education);
        v.put("creditDefault", creditDefault);
        v.put("housingLoan", housing);
        v.put("personalLoan", loan);
        v.put("contactChannel", channel);
        v.put("lastContactMonth", month);
        v.put("lastContactWeekday", weekday);
        return v;
    }
}
