package io.circuitos.ml;

import static io.circuitos.ml.FeatureSpec.nominal;
import static io.circuitos.ml.FeatureSpec.numeric;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models circuitos knows how to train, by model name. */
public final class TrainingRecipes {

    /** Gradient-boosted trees (XGBoost) with Platt calibration: the learner of every model on tabular data. */
    private static final String CALIBRATED = CalibratedClassifier.class.getName();

    private static String[] gradientBoosted(String... treeOptions) {
        List<String> options = new java.util.ArrayList<>(List.of("-W", GradientBoostedTrees.class.getName(), "--"));
        options.addAll(List.of(treeOptions));
        return options.toArray(String[]::new);
    }

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
            CALIBRATED, gradientBoosted("-rounds", "300", "-depth", "4", "-eta", "0.05"),
            null).alsoTrying(
                    "weka.classifiers.meta.LogitBoost -I 300 -H 0.3 -W weka.classifiers.trees.REPTree -- -L 3 -M 20");

    /**
     * Franchise licensing applications: which ones convert. No public data exists, so it is trained on
     * {@code generate-licensing-data} output; the model card says so, and measures how close any model can come:
     * the generator's own probabilities. Trees catch its step at 3,000 square feet, which a Logistic cannot.
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
            CALIBRATED, gradientBoosted("-rounds", "300", "-depth", "3", "-eta", "0.05"),
            LicensingDataGenerator.GROUND_TRUTH).withGroundTruth(LicensingDataGenerator::probability);

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
            CALIBRATED, gradientBoosted("-rounds", "600", "-depth", "1", "-eta", "0.1"),
            null).alsoTrying(
                    "weka.classifiers.meta.LogitBoost -I 200 -H 0.2",
                    CALIBRATED + " -W " + GradientBoostedTrees.class.getName() + " -- -rounds 400 -depth 3 -eta 0.03 -min-child-weight 10");

    /**
     * CFPB consumer complaints (both files in the data set folder, rows with a narrative): did the
     * company have to act — monetary or non-monetary relief, or an untimely response — the proxy for
     * "this ticket needed a human". The narrative's sentence embedding (all-MiniLM-L6-v2, the same
     * in-process model as the knowledge base) feeds a ridge Logistic. The baseline is Weka's default Logistic on the
     * same embedding; the data README's reference (multinomial NaiveBayes on TF-IDF of 2,000 words) and boosted trees
     * on the embedding are measured beside it.
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
            new String[] {"-F", "io.circuitos.ml.SentenceEmbeddingFilter", "-W", "weka.classifiers.functions.Logistic"},
            List.of("weka.classifiers.meta.FilteredClassifier -F \"weka.filters.unsupervised.attribute.StringToWordVector -W 2000 -T -I -L -C\""
                            + " -W weka.classifiers.bayes.NaiveBayesMultinomial",
                    "weka.classifiers.meta.FilteredClassifier -F io.circuitos.ml.SentenceEmbeddingFilter -W " + CALIBRATED + " -- -W "
                            + GradientBoostedTrees.class.getName() + " -- -rounds 300 -depth 2 -eta 0.05"),
            null);

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
