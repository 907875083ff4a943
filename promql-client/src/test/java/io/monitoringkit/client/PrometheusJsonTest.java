package io.monitoringkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import io.monitoringkit.query.NativeHistogram;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusJsonTest {

    private static QueryResult roundTrip(QueryResult r) {
        StringBuilder data = new StringBuilder();
        PrometheusJson.writeData(r, data);
        String body = "{\"status\":\"success\",\"data\":" + data + "}";
        return PrometheusJson.readQueryResponse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void valuesAreFormattedAsGoFormatsThem() {
        assertThat(PrometheusJson.formatValue(1e8)).isEqualTo("100000000");
        assertThat(PrometheusJson.formatValue(0.1)).isEqualTo("0.1");
        assertThat(PrometheusJson.formatValue(1e-7)).isEqualTo("0.0000001");
        assertThat(PrometheusJson.formatValue(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PrometheusJson.formatValue(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PrometheusJson.formatValue(1e21)).isEqualTo("1000000000000000000000");
        assertThat(PrometheusJson.formatValue(-0.0)).isEqualTo("-0");
        assertThat(PrometheusJson.formatValue(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusJson.formatValue(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusJson.formatValue(Double.MIN_VALUE)).startsWith("0.000").endsWith("5");
    }

    @Test
    void sampleTimestampsHaveThreeDecimalsWhenNotWhole() {
        assertThat(PrometheusJson.formatTimestamp(1_700_000_000_000L)).isEqualTo("1700000000");
        assertThat(PrometheusJson.formatTimestamp(1_700_000_000_500L)).isEqualTo("1700000000.500");
        assertThat(PrometheusJson.formatTimestamp(1_700_000_000_007L)).isEqualTo("1700000000.007");
        assertThat(PrometheusJson.formatTimestamp(-1500)).isEqualTo("-1.500");
    }

    @Test
    void everyResultTypeSurvivesWriteThenRead() {
        NativeHistogram h = new NativeHistogram(5, 7.25, List.of(
                new NativeHistogram.Bucket(NativeHistogram.BoundaryRule.OPEN_LEFT, 1, 2, 5)));
        QueryResult vector = QueryResult.Vector.builder()
                .add(Labels.of("job", "a\"b<c>", "x", "\u00e9\n"), 1_700_000_000_123L, Double.NaN)
                .add(Labels.empty(), 1, Double.POSITIVE_INFINITY)
                .addHistogram(Labels.of("h", "1"), 2, h).build();
        QueryResult matrix = QueryResult.Matrix.of(List.of(
                Series.builder().labels(Labels.of("a", "1")).add(1000, 0.1).add(2500, -1e-300).addHistogram(3000, h)
                        .build(),
                Series.of(Labels.of("a", "2"), new long[] {5}, new double[] {Double.NEGATIVE_INFINITY})));
        assertThat(roundTrip(vector)).isEqualTo(vector);
        assertThat(roundTrip(matrix)).isEqualTo(matrix);
        assertThat(roundTrip(QueryResult.Scalar.of(1_700_000_000_123L, 1e8)))
                .isEqualTo(QueryResult.Scalar.of(1_700_000_000_123L, 1e8));
        assertThat(roundTrip(QueryResult.StringValue.of(5, "q\"uote")))
                .isEqualTo(QueryResult.StringValue.of(5, "q\"uote"));
    }

    @Test
    void errorBodiesBecomeTypedExceptions() {
        String body = "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"boom\"}";
        assertThatThrownBy(() -> PrometheusJson.readQueryResponse(new ByteArrayInputStream(body.getBytes(
                StandardCharsets.UTF_8)))).isInstanceOf(PrometheusApiException.QueryExecutionException.class)
                .hasMessage("execution: boom (HTTP 0 from JSON input)");
        assertThatThrownBy(() -> PrometheusJson.readQueryResponse(new ByteArrayInputStream("[1]".getBytes(
                StandardCharsets.UTF_8)))).isInstanceOf(PrometheusApiException.UnexpectedResponseException.class)
                .hasMessage("not a Prometheus query response: expected a JSON object but the body starts with an "
                        + "array (HTTP 0 from JSON input)");
    }

    @Test
    void jsonStringsEscapeAsGoDoes() {
        assertThat(PrometheusJson.jsonString("a<b>&\"\\\n\u0001\u2028")).isEqualTo(
                "\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\u0001\\u2028\"");
    }
}
