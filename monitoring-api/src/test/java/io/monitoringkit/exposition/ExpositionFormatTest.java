package io.monitoringkit.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpositionFormatTest {

    @Test
    void acceptHeaderPrefersOpenMetricsAndFallsBackToText() {
        assertThat(ExpositionFormat.acceptHeader()).isEqualTo("application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    }

    @Test
    void recognisesContentTypesStrictly() {
        assertThat(ExpositionFormat.fromContentType("application/openmetrics-text; version=1.0.0; charset=utf-8"))
                .hasValue(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.fromContentType("Application/OpenMetrics-Text;Version=\"0.0.1\""))
                .hasValue(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.fromContentType("text/plain; version=0.0.4; charset=utf-8"))
                .hasValue(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.fromContentType("text/plain")).hasValue(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.fromContentType("text/plain; version=1.0.0")).isEmpty();
        assertThat(ExpositionFormat.fromContentType("application/json")).isEmpty();
        assertThat(ExpositionFormat.fromContentType(null)).isEmpty();
    }

    @Test
    void detectsLikePrometheusFallingBackToText() {
        assertThat(ExpositionFormat.detect("application/openmetrics-text; version=2.0.0"))
                .isEqualTo(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.detect("application/json")).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.detect(null)).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.OPENMETRICS.contentType())
                .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(ExpositionFormat.PROMETHEUS_TEXT.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    }
}
