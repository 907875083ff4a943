package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;

/**
 * One element of an instant vector during evaluation. {@code dropName} is Prometheus' delayed metric-name removal:
 * the name stays in {@code metric} until the end of evaluation (or until an operation needs it gone).
 *
 * @param metric   the labels
 * @param f        the value
 * @param t        the sample timestamp (only meaningful straight out of a selector, for {@code timestamp()})
 * @param dropName whether {@code __name__} is to be removed from the result
 */
public record Sample(Labels metric, double f, long t, boolean dropName) {
}
