package io.circuitos.agents.winback;

import io.circuitos.tasks.TaskInputs;
import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerStore;
import io.circuitos.ml.LoadedModel;
import io.circuitos.ml.ModelRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Picks a campaign's customers from the store: those who churned in the last {@code windowDays},
 * and active customers whose churn risk (model {@code modelName}) is at least
 * {@code churnRiskThreshold}; customers without an email address cannot be reached and are skipped.
 * Ranked by expected value (yearly value × probability of losing the customer: 1 for the churned),
 * the best {@code topN} are kept. Writes {@code candidateChunks} (their ids, best first, as a JSON list
 * of lists of {@code chunkSize}), {@code candidateCount},
 * {@code churnedInWindow} and {@code activeAtRisk}.
 */
public class CandidateSelector implements JavaDelegate {

    private final CustomerStore customers;
    private final ModelRegistry models;

    public CandidateSelector(CustomerStore customers, ModelRegistry models) {
        this.customers = customers;
        this.models = models;
    }

    record Candidate(String customerId, double expectedValue) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        int windowDays = (int) TaskInputs.number(execution, "windowDays");
        int topN = (int) TaskInputs.number(execution, "topN");
        double threshold = TaskInputs.number(execution, "churnRiskThreshold");
        LoadedModel model = models.get(String.valueOf(execution.getVariable("modelName")));
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
        execution.setVariable("candidateChunks", CampaignChunks.of(ids, CampaignChunks.chunkSize(execution)));
        execution.setVariable("candidateCount", ids.size());
        execution.setVariable("churnedInWindow", churned.size());
        execution.setVariable("activeAtRisk", atRisk.size());
    }

    private static double expectedValue(Customer customer, double risk) {
        return customer.value().doubleValue() * risk;
    }
}
