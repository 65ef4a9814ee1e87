package io.circuitos.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What circuitos itself serves to a reader without the right to personal data: every personal value
 * replaced by {@value PersonalData#REDACTED}. Decisions, scores and paths stay; contact data, drafts,
 * answers and titles built from names do not. The trail and the what-if answer apply it to their records.
 */
public class Redaction {

    /** One feature of {@code topFeatures}, as {@code FeatureContribution} writes it. */
    private static final Pattern FEATURE = Pattern.compile(io.circuitos.ml.FeatureContribution.PATTERN + "(?=; |$)");

    private final PersonalData personal;
    private final PersonalDecisionClauses clauses;

    public Redaction(PersonalData personal, PersonalDecisionClauses clauses) {
        this.personal = personal;
        this.clauses = clauses;
    }

    /**
     * A task's name as resolved when it was created ({@code Call applicant: ${caseTitle}} became a
     * person's name): the name as modelled when the model's expression reads personal data.
     */
    public String taskName(String resolvedName, String modelledName) {
        if (modelledName == null) {
            return resolvedName == null ? null : PersonalData.REDACTED;
        }
        return personal.mentionsPersonal(modelledName) ? modelledName : resolvedName;
    }

    /** {@code topFeatures} with the value of every personal feature redacted; all of it when it cannot be read. */
    public String topFeatures(String topFeatures) {
        if (topFeatures == null || !personal.mentionsPersonal(topFeatures)) {
            return topFeatures;
        }
        StringBuilder redacted = new StringBuilder();
        Matcher feature = FEATURE.matcher(topFeatures);
        int end = 0;
        while (feature.find()) {
            if (feature.start() != (end == 0 ? 0 : end + 2)) {
                return PersonalData.REDACTED;
            }
            redacted.append(topFeatures, end, feature.start(2))
                    .append(personal.isPersonal(feature.group(1)) ? PersonalData.REDACTED : feature.group(2))
                    .append(topFeatures, feature.end(2), feature.end());
            end = feature.end();
        }
        return end == topFeatures.length() ? redacted.toString() : PersonalData.REDACTED;
    }

    /** The inputs and outputs of a decision's version that read or write personal data, by label and by name. */
    public PersonalDecisionClauses.Clauses personalClauses(String decisionKey, int decisionVersion) {
        return clauses.of(decisionKey, decisionVersion);
    }

    /** Whether a drafted text (a draft or an answer to the customer) is personal. */
    public boolean draftsArePersonal() {
        return personal.isPersonal("draft") || personal.isPersonal("answer");
    }

    /** The variables with every personal value replaced. */
    public Map<String, Object> variables(Map<String, Object> variables) {
        Map<String, Object> redacted = new LinkedHashMap<>();
        variables.forEach((name, value) -> redacted.put(name, personal.isPersonal(name) && value != null ? PersonalData.REDACTED : value));
        return redacted;
    }
}
