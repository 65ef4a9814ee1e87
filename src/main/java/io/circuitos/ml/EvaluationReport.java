package io.circuitos.ml;

/** The human-readable evaluation report written next to a model. */
final class EvaluationReport {

    private EvaluationReport() {
    }

    static String markdown(ModelMetadata m) {
        ModelMetadata.Metrics metrics = m.metrics();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(m.name()).append(" ").append(m.version()).append("\n\n")
                .append(m.description()).append("\n\n")
                .append("- algorithm: `").append(m.algorithm()).append(" ").append(String.join(" ", m.options())).append("`\n")
                .append("- training data: `").append(m.trainingData().file()).append("` (sha256 `")
                .append(m.trainingData().sha256()).append("`), ").append(m.trainingData().rows()).append(" rows\n")
                .append("- split: ").append(m.trainingData().split()).append("\n");
        if (m.trainingData().generated() != null) {
            md.append("- **generated data**: ").append(m.trainingData().generated()).append("\n");
        }
        md.append("- label: `").append(m.label().column()).append("` = `").append(m.label().positiveValue())
                .append("` (positive rate ").append(m.label().positiveRate()).append(")\n")
                .append("- features: ").append(m.features().stream().map(ModelMetadata.Feature::name).toList()).append("\n\n")
                .append("| set | n | ROC AUC | PR AUC | Brier |\n|---|---|---|---|---|\n");
        row(md, "hold-out, this model", metrics.holdout());
        String baseline = TrainingRecipes.byName(m.name()).map(TrainingRecipe::baselineDescription).orElse("Weka default Logistic");
        row(md, "hold-out, " + baseline + " (baseline)", metrics.baselineLogisticHoldout());
        if (metrics.alsoTried() != null) {
            metrics.alsoTried().forEach(a -> row(md, "hold-out, also tried: `" + a.algorithm() + "`", a.holdout()));
        }
        if (metrics.groundTruthHoldout() != null) {
            row(md, "hold-out, the generator's true probabilities (the ceiling)", metrics.groundTruthHoldout());
        }
        row(md, metrics.folds() + "-fold cross-validation on the training part", metrics.crossValidation());
        if (metrics.verdict() != null) {
            md.append("\n**Verdict.** ").append(metrics.verdict()).append("\n");
        }
        md.append("\n![ROC curve on the hold-out](roc.png)\n");
        if (metrics.holdoutReliability() != null) {
            md.append("\n## Reliability on the hold-out\n\n| decile | cases | mean predicted | observed | gap |\n|---|---|---|---|---|\n");
            metrics.holdoutReliability().deciles().forEach(d -> md.append("| ").append(d.decile()).append(" | ").append(d.cases())
                    .append(" | ").append(d.meanPredicted()).append(" | ").append(d.observed()).append(" | ").append(d.gap()).append(" |\n"));
            md.append("\n![Reliability on the hold-out](reliability.png)\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, ModelMetrics metrics) {
        md.append("| ").append(label).append(" | ").append(metrics.n()).append(" | ").append(metrics.rocAuc())
                .append(" | ").append(metrics.prAuc()).append(" | ").append(metrics.brier()).append(" |\n");
    }
}
