package io.monitoringkit.test;

import io.monitoringkit.exposition.Exposition;
import io.monitoringkit.exposition.ExpositionFormat;

/**
 * Assertions on a {@link Scrape}: the checks of {@link AbstractExpositionAssert} plus the negotiated format.
 *
 * <pre>{@code
 * MonitoringAssertions.assertThat(Scrape.of(url))
 *         .hasFormat(ExpositionFormat.OPENMETRICS)
 *         .hasCounter("jobs_processed_total");
 * }</pre>
 */
public final class ScrapeAssert extends AbstractExpositionAssert<ScrapeAssert, Scrape> {
    ScrapeAssert(Scrape actual) {
        super(actual, ScrapeAssert.class);
    }

    /** Verifies the format the target answered with. */
    public ScrapeAssert hasFormat(ExpositionFormat format) {
        isNotNull();
        if (actual.format() != format) {
            failWithMessage("%s", "Expecting " + source() + " to be in format " + format + "\nbut was "
                    + actual.format() + " (Content-Type: " + actual.contentType() + ")");
        }
        return myself;
    }

    @Override
    protected Exposition exposition() {
        return actual.exposition();
    }

    @Override
    protected String source() {
        return actual == null ? "scrape" : "scrape of " + actual.uri();
    }
}
