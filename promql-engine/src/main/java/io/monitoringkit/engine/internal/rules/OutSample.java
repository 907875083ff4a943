package io.monitoringkit.engine.internal.rules;

import io.monitoringkit.model.Labels;

/** A sample a rule writes to storage. */
record OutSample(Labels labels, long t, double v) {
}
