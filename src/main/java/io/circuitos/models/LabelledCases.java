package io.circuitos.models;

import io.circuitos.engine.RunPayload;
import io.circuitos.ml.FeatureSpec;
import io.circuitos.ml.TrainingRecipe;
import io.circuitos.outcomes.OutcomeStore;
import io.circuitos.outcomes.RunOutcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * A model's labelled production cases as training rows, in its training file's own columns and delimiter, oldest outcome
 * first: each labelled run's values of the model's features (its process variables of those names) and its outcome as the
 * label, so {@code java -jar circuitos.jar train --production} can learn from them beside the public data.
 */
public class LabelledCases {

    /** What the label column says for a case whose outcome is not the one the model predicts. */
    static final String NEGATIVE = "no";
    private static final int BATCH = 200;

    private final OutcomeStore outcomes;
    private final HistoryService history;

    public LabelledCases(OutcomeStore outcomes, HistoryService history) {
        this.outcomes = outcomes;
        this.history = history;
    }

    public String csv(TrainingRecipe recipe) {
        List<RunOutcome> decided = outcomes.decided(recipe.modelName()).stream().filter(o -> o.probability() != null).toList();
        List<String> names = recipe.features().stream().map(FeatureSpec::name).toList();
        Map<String, Map<String, Object>> values = values(decided.stream().map(RunOutcome::processInstanceId).toList(), names);
        List<String> header = new ArrayList<>(recipe.features().stream().map(FeatureSpec::column).toList());
        header.add(recipe.labelColumn());
        if (recipe.alsoPositiveColumn() != null) {
            header.add(recipe.alsoPositiveColumn());
        }
        header.add("outcomeRecordedAt");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(recipe.delimiter())
                .setHeader(header.toArray(String[]::new)).get())) {
            for (RunOutcome outcome : decided) {
                Map<String, Object> run = values.getOrDefault(outcome.processInstanceId(), Map.of());
                List<Object> row = new ArrayList<>();
                names.forEach(name -> row.add(run.get(name) == null ? "" : plain(run.get(name))));
                row.add(outcome.positive() ? recipe.positiveValue().split(" \\| ")[0] : NEGATIVE);
                if (recipe.alsoPositiveColumn() != null) {
                    row.add("");
                }
                row.add(outcome.recordedAt().toString());
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Numbers as the training files write them (no "5.0" for an integer feature). */
    private static Object plain(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return d.longValue();
        }
        return value;
    }

    /** Each run's values of these names: its variables, else the fields of its payload ({@link RunPayload}). */
    private Map<String, Map<String, Object>> values(List<String> runs, List<String> names) {
        Map<String, Map<String, Object>> byRun = new HashMap<>();
        List<String> read = new ArrayList<>(names);
        read.add(RunPayload.VARIABLE);
        for (int from = 0; from < runs.size(); from += BATCH) {
            List<String> batch = runs.subList(from, Math.min(runs.size(), from + BATCH));
            for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(batch.toArray(String[]::new))
                    .variableNameIn(read.toArray(String[]::new)).list()) {
                if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) { // the run's own, not a task's copy
                    byRun.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>()).put(variable.getName(), variable.getValue());
                }
            }
        }
        byRun.replaceAll((run, values) -> RunPayload.withFields(values));
        return byRun;
    }
}
