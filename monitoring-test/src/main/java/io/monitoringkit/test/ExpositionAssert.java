package io.monitoringkit.test;

import io.monitoringkit.exposition.Exposition;

/**
 * Assertions on a parsed exposition; see {@link AbstractExpositionAssert} for the checks.
 *
 * <pre>{@code
 * Exposition e = ExpositionParser.parse(body, ExpositionFormat.PROMETHEUS_TEXT);
 * MonitoringAssertions.assertThat(e).hasGauge("queue_depth").hasValue("queue_depth", Labels.empty(), 0);
 * }</pre>
 */
public final class ExpositionAssert extends AbstractExpositionAssert<ExpositionAssert, Exposition> {
    private final String source;

    ExpositionAssert(Exposition actual, String source) {
        super(actual, ExpositionAssert.class);
        this.source = source;
    }

    @Override
    protected Exposition exposition() {
        return actual;
    }

    @Override
    protected String source() {
        return source;
    }
}
