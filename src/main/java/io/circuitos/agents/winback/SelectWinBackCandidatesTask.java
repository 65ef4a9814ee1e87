package io.circuitos.agents.winback;

import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerStore;
import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import io.circuitos.ml.LoadedModel;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.tasks.GenericTask;
import io.circuitos.tasks.TaskInput;
import io.circuitos.tasks.TaskOutput;
import io.circuitos.tasks.TaskSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Picks a campaign's customers from the store: those who churned in the last {@code windowDays},
 * and active customers whose churn risk (model {@code modelName}) is at least
 * {@code churnRiskThreshold}; customers without an email address cannot be reached and are skipped.
 * Ranked by expected value (yearly value × probability of losing the customer: 1 for the churned),
 * the best {@code topN} are kept. Writes {@code candidateChunks} (their ids, best first, as a JSON list
 * of lists of {@code chunkSize}), {@code candidateCount},
 * {@code churnedInWindow} and {@code activeAtRisk}.
 */
public class SelectWinBackCandidatesTask implements JavaDelegate, GenericTask {

    static final TaskInput<Double> WINDOW_DAYS = TaskInput.number("windowDays", "churned within this many days").required().fromRun();
    static final TaskInput<Double> TOP_N = TaskInput.number("topN", "at most this many").required().fromRun();
    static final TaskInput<Double> CHURN_RISK_THRESHOLD = TaskInput.number("churnRiskThreshold",
            "active customers above this churn risk").required().fromRun();
    static final TaskInput<String> MODEL_NAME = TaskInput.text("modelName", "the churn model; its features are the customer store's fields")
            .required().naming(Refers.CUSTOMER_MODEL);
    static final TaskOutput<TypedValue> CANDIDATE_CHUNKS = TaskOutput.json("candidateChunks",
            "the candidates' ids, best first, as a JSON list of lists of chunkSize");
    static final TaskOutput<Number> CANDIDATE_COUNT = TaskOutput.number("candidateCount", "how many customers the campaign takes");
    static final TaskOutput<Number> CHURNED_IN_WINDOW = TaskOutput.number("churnedInWindow", "customers who churned in the window");
    static final TaskOutput<Number> ACTIVE_AT_RISK = TaskOutput.number("activeAtRisk", "active customers at or above the threshold");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("selectWinBackCandidates")
            .agent(CampaignRun.AGENT)
            .title("Select win-back candidates")
            .description("Picks a campaign's customers by expected value: those who churned in the window and active ones at risk.")
            .inputs(WINDOW_DAYS, TOP_N, CampaignChunks.CHUNK_SIZE, CHURN_RISK_THRESHOLD, MODEL_NAME)
            .outputs(CANDIDATE_CHUNKS, CANDIDATE_COUNT, CHURNED_IN_WINDOW, ACTIVE_AT_RISK)
            .writesIntoScope()
            .noSideEffects()
            .build();

    private final CustomerStore customers;
    private final ModelRegistry models;

    public SelectWinBackCandidatesTask(CustomerStore customers, ModelRegistry models) {
        this.customers = customers;
        this.models = models;
    }

    record Candidate(String customerId, double expectedValue) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        int windowDays = WINDOW_DAYS.require(execution).intValue();
        int topN = TOP_N.require(execution).intValue();
        double threshold = CHURN_RISK_THRESHOLD.require(execution);
        LoadedModel model = models.get(MODEL_NAME.require(execution));
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);

        List<Candidate> churned = new ArrayList<>();
        customers.forEachChurnedSince(today.minusDays(windowDays), customer -> {
            if (customer.email() != null) {
                churned.add(new Candidate(customer.id(), customer.value().doubleValue()));
            }
        });
        List<Candidate> atRisk = new ArrayList<>();
        customers.forEachActive(customer -> {
            if (customer.email() != null) {
                double risk = model.probability(customer.variables());
                if (risk >= threshold) {
                    atRisk.add(new Candidate(customer.id(), expectedValue(customer, risk)));
                }
            }
        });
        List<String> ids = new ArrayList<>(churned.size() + atRisk.size());
        java.util.stream.Stream.concat(churned.stream(), atRisk.stream())
                .sorted(Comparator.comparingDouble(Candidate::expectedValue).reversed().thenComparing(Candidate::customerId))
                .limit(topN)
                .forEach(c -> ids.add(c.customerId()));
        CANDIDATE_CHUNKS.writeInScope(execution, CampaignChunks.of(ids, CampaignChunks.chunkSize(execution)));
        CANDIDATE_COUNT.writeInScope(execution, ids.size());
        CHURNED_IN_WINDOW.writeInScope(execution, churned.size());
        ACTIVE_AT_RISK.writeInScope(execution, atRisk.size());
    }

    private static double expectedValue(Customer customer, double risk) {
        return customer.value().doubleValue() * risk;
    }
}
