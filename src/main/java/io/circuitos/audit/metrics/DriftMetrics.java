package io.circuitos.audit.metrics;

import io.circuitos.ml.DriftMonitor;
import io.circuitos.ml.ModelRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code circuitos_model_psi{model,feature}}: the population stability index of each shipped model's score and of each
 * feature its card has a drift baseline for, over the cases this node scored last ({@link DriftMonitor}); NaN until a
 * model has enough cases. The alert rules ({@code ops/prometheus/alerts.yml}) watch it at 0.10 and act at 0.25.
 */
public class DriftMetrics implements MeterBinder {

    private final DriftMonitor drift;
    private final ModelRegistry models;

    public DriftMetrics(DriftMonitor drift, ModelRegistry models) {
        this.drift = drift;
        this.models = models;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String model : ModelRegistry.shippedNames()) {
            for (String feature : DriftMonitor.watched(models.card(model))) { // the card only: no model is loaded at start
                Gauge.builder("circuitos.model.psi", drift, d -> d.psi(model, feature))
                        .description("population stability index of the cases scored lately against the training data (0.10 watch, 0.25 act)")
                        .tags("model", model, "feature", feature).register(registry);
            }
        }
    }
}
