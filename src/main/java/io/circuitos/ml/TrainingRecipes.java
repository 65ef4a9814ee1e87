package io.circuitos.ml;

import static io.circuitos.ml.FeatureSpec.nominal;
import static io.circuitos.ml.FeatureSpec.numeric;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models circuitos knows how to train, by model name. */
public final class TrainingRecipes {

    /**
     * Bank marketing (UCI #222): prospects contacted again after earlier campaigns; did they convert.
     * Only what a CRM knows about a lost opportunity at scoring time: the contact's profile and the
     * contact history. {@code duration} leaks the label (known only after the call) and the five
     * macro-economic columns are not in a CRM payload, so neither is used.
     */
    public static final TrainingRecipe LOST_OPPORTUNITY_REACTIVATION = new TrainingRecipe(
            "lost-opportunity-reactivation",
            "Probability that a closed-lost prospect converts when re-engaged",
            ';',
            List.of(
                    numeric("age", "age"),
                    nominal("job", "job", "unknown"),
                    nominal("maritalStatus", "marital", "unknown"),
                    nominal("education", "education", "unknown"),
                    nominal("creditDefault", "default", "unknown"),
                    nominal("housingLoan", "housing", "unknown"),
                    nominal("personalLoan", "loan", "unknown"),
                    nominal("contactChannel", "contact"),
                    nominal("lastContactMonth", "month"),
                    nominal("lastContactWeekday", "day_of_week"),
                    numeric("contactsThisCampaign", "campaign"),
                    numeric("daysSinceLastContact", "pdays", "999"),
                    numeric("previousContacts", "previous"),
                    nominal("previousOutcome", "poutcome")),
            "y", "yes",
            "weka.classifiers.meta.LogitBoost",
            new String[] {"-I", "300", "-H", "0.3", "-W", "weka.classifiers.trees.REPTree", "--", "-L", "3", "-M", "20"},
            null);

    /**
     * Franchise licensing applications: which ones convert. No public data exists, so it is trained on
     * {@code generate-licensing-data} output; the model card says so. Plain Logistic: the generator's
     * ground truth is (close to) additive in these features.
     */
    public static final TrainingRecipe LICENSING_CONVERSION = new TrainingRecipe(
            "licensing-conversion",
            "Probability that a franchise licensing application converts (trained on GENERATED data)",
            ',',
            List.of(
                    numeric("liquidCapital", "liquidCapital"),
                    numeric("yearsExperience", "yearsExperience"),
                    nominal("ownsGym", "ownsGym"),
                    numeric("gymSqft", "gymSqft"),
                    numeric("passionScore", "passionScore"),
                    nominal("region", "region")),
            "converted", "yes",
            "weka.classifiers.functions.Logistic",
            new String[0],
            io.circuitos.ml.LicensingDataGenerator.GROUND_TRUTH);

    /**
     * IBM Telco customer churn: which customers leave. Every column is something the billing system
     * holds; {@code TotalCharges} is empty for 11 brand-new customers and read as missing, not zero.
     */
    public static final TrainingRecipe WIN_BACK_CHURN = new TrainingRecipe(
            "win-back-churn",
            "Probability that a customer churns",
            ',',
            List.of(
                    nominal("gender", "gender"), nominal("seniorCitizen", "SeniorCitizen"), nominal("partner", "Partner"),
                    nominal("dependents", "Dependents"), numeric("tenure", "tenure"), nominal("phoneService", "PhoneService"),
                    nominal("multipleLines", "MultipleLines"), nominal("internetService", "InternetService"),
                    nominal("onlineSecurity", "OnlineSecurity"), nominal("onlineBackup", "OnlineBackup"),
                    nominal("deviceProtection", "DeviceProtection"), nominal("techSupport", "TechSupport"),
                    nominal("streamingTv", "StreamingTV"), nominal("streamingMovies", "StreamingMovies"),
                    nominal("contract", "Contract"), nominal("paperlessBilling", "PaperlessBilling"),
                    nominal("paymentMethod", "PaymentMethod"), numeric("monthlyCharges", "MonthlyCharges"),
                    numeric("totalCharges", "TotalCharges")),
            "Churn", "Yes",
            "weka.classifiers.meta.LogitBoost",
            new String[] {"-I", "200", "-H", "0.2"},
            null);

    /**
     * CFPB consumer complaints (both files in the data set folder, rows with a narrative): did the
     * company have to act — monetary or non-monetary relief, or an untimely response — the proxy for
     * "this ticket needed a human". The narrative's sentence embedding (all-MiniLM-L6-v2, the same
     * in-process model as the knowledge base) feeds a ridge Logistic. The baseline is the reference
     * of the data README: multinomial NaiveBayes on TF-IDF of 2,000 words.
     */
    public static final TrainingRecipe SUPPORT_ESCALATION_RISK = new TrainingRecipe(
            "support-escalation-risk",
            "Probability that a support ticket needs a human to act (relief or an untimely response in CFPB complaints)",
            ',',
            List.of(FeatureSpec.text("ticketText", "Consumer complaint narrative", "None")),
            "Company response to consumer", "Closed with monetary relief | Closed with non-monetary relief",
            "weka.classifiers.meta.FilteredClassifier",
            new String[] {"-F", "io.circuitos.ml.SentenceEmbeddingFilter", "-W", "weka.classifiers.functions.Logistic", "--", "-R", "300"},
            null,
            "Timely response?", "No",
            "weka.classifiers.meta.FilteredClassifier",
            new String[] {"-F", "weka.filters.unsupervised.attribute.StringToWordVector -W 2000 -T -I -L -C",
                    "-W", "weka.classifiers.bayes.NaiveBayesMultinomial"});

    private static final Map<String, TrainingRecipe> BY_NAME = Map.of(
            SUPPORT_ESCALATION_RISK.modelName(), SUPPORT_ESCALATION_RISK,
            WIN_BACK_CHURN.modelName(), WIN_BACK_CHURN,
            LOST_OPPORTUNITY_REACTIVATION.modelName(), LOST_OPPORTUNITY_REACTIVATION,
            LICENSING_CONVERSION.modelName(), LICENSING_CONVERSION);

    private TrainingRecipes() {
    }

    public static Optional<TrainingRecipe> byName(String modelName) {
        return Optional.ofNullable(BY_NAME.get(modelName));
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
