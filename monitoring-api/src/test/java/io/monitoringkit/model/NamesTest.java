package io.monitoringkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void legacyMetricNamesAllowColonsButNotLeadingDigits() {
        assertThat(Names.isLegacyMetricName("job:http_requests:rate5m")).isTrue();
        assertThat(Names.isLegacyMetricName("_x")).isTrue();
        assertThat(Names.isLegacyMetricName("1x")).isFalse();
        assertThat(Names.isLegacyMetricName("http.requests")).isFalse();
        assertThat(Names.isLegacyMetricName("")).isFalse();
    }

    @Test
    void legacyLabelNamesDoNotAllowColons() {
        assertThat(Names.isLegacyLabelName("le")).isTrue();
        assertThat(Names.isLegacyLabelName("a:b")).isFalse();
        assertThat(Names.isLegacyLabelName("9a")).isFalse();
    }

    @Test
    void utf8NamesAreAnyWellFormedNonEmptyString() {
        assertThat(Names.isUtf8Name("http.requests 🚀")).isTrue();
        assertThat(Names.isUtf8Name("")).isFalse();
        assertThat(Names.isUtf8Name("\ud800")).isFalse();
    }

    @Test
    void requireMethodsQuoteTheNameAndTheRule() {
        assertThatThrownBy(() -> Names.requireLegacyMetricName("http-requests"))
                .hasMessage("\"http-requests\" is not a valid metric name (it must match [a-zA-Z_:][a-zA-Z0-9_:]*)");
        assertThatThrownBy(() -> Names.requireLegacyLabelName("a:b"))
                .hasMessage("\"a:b\" is not a valid label name (it must match [a-zA-Z_][a-zA-Z0-9_]*)");
        assertThatThrownBy(() -> Names.requireUtf8Name("", "label name")).hasMessage("empty label name");
    }
}
