package io.monitoringkit.engine;

import io.monitoringkit.model.Labels;
import io.monitoringkit.query.ErrorType;
import io.monitoringkit.query.QueryException;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.SeriesOptions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.monitoringkit.promql.PromQL.metric;
import static io.monitoringkit.promql.PromQL.minutes;
import static io.monitoringkit.promql.PromQL.rate;
import static io.monitoringkit.promql.PromQL.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PromEngineTest {

    private static final Instant HOUR = Instant.ofEpochSecond(3600);

    private static PromEngine engine() {
        Storage storage = Storage.create().load("""
                load 1m
                  http_requests_total{job="api", code="500"} 0+3x60
                  http_requests_total{job="api", code="200"} 0+100x60
                  up{job="api"} 1x60
                """);
        return PromEngine.builder(storage).clock(Clock.fixed(HOUR, ZoneOffset.UTC)).build();
    }

    @Test
    void answersInstantQueriesFromText() {
        QueryResult.Vector v = engine().query("sum by (code) (rate(http_requests_total[5m]))", HOUR).asVector();
        assertThat(v.valueOf(Labels.of("code", "500")).getAsDouble()).isCloseTo(0.05, within(1e-12));
        assertThat(v.valueOf(Labels.of("code", "200")).getAsDouble()).isCloseTo(100 / 60.0, within(1e-12));
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void answersTypedQueriesWithoutPrintingThem() {
        QueryResult r = engine().query(sum(rate(metric("http_requests_total").over(minutes(5)))));
        assertThat(r.asVector().single().value()).isCloseTo(103 / 60.0, within(1e-12));
        assertThat(r.asVector().single().timestamp()).isEqualTo(HOUR.toEpochMilli());
    }

    @Test
    void answersRangeQueriesSortedByLabels() {
        QueryResult.Matrix m = engine().queryRange("http_requests_total", HOUR.minusSeconds(120), HOUR,
                Duration.ofMinutes(1));
        assertThat(m.series()).extracting(s -> s.labels().getOrEmpty("code")).containsExactly("200", "500");
        assertThat(m.series().get(1).values()).containsExactly(174, 177, 180);
    }

    @Test
    void reportsParseErrorsAsBadData() {
        assertThatThrownBy(() -> engine().query("sum(", HOUR))
                .isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).errorType()).contains(ErrorType.BAD_DATA))
                .hasMessageStartingWith("bad_data: invalid parameter \"query\": 1:");
    }

    @Test
    void reportsEvaluationErrorsAsExecution() {
        Storage s = Storage.create().load("""
                load 1m
                  a{x="1"} 1
                  a{x="2"} 1
                """);
        assertThatThrownBy(() -> PromEngine.create(s).query("a + on() a", Instant.EPOCH))
                .isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).errorType()).contains(ErrorType.EXECUTION))
                .hasMessageContaining("many-to-many matching not allowed");
    }

    @Test
    void failsClearlyOnNativeHistogramFunctionsItCannotServe() {
        assertThatThrownBy(() -> Storage.create().load("load 1m\n  h {{schema:1 sum:3 count:2}}\n"))
                .hasMessageContaining("native histograms are not supported by promql-engine");
    }

    @Test
    void honoursLookbackDeltaAndLimitOptions() {
        PromEngine e = engine();
        Instant later = HOUR.plusSeconds(180);
        assertThat(e.query("up", QueryOptions.defaults().time(later)).asVector().size()).isEqualTo(1);
        assertThat(e.query("up", QueryOptions.defaults().time(later).lookbackDelta(Duration.ofMinutes(2)))
                .asVector().size()).isZero();
        QueryResult.Vector limited = e.query("http_requests_total", QueryOptions.defaults().time(HOUR).limit(1))
                .asVector();
        assertThat(limited.size()).isEqualTo(1);
        assertThat(limited.warnings()).containsExactly("results truncated due to limit");
    }

    @Test
    void listsSeriesLabelNamesAndValues() {
        PromEngine e = engine();
        assertThat(e.series(List.of("http_requests_total{code=~\"5..\"}")).series())
                .containsExactly(Labels.of("__name__", "http_requests_total", "code", "500", "job", "api"));
        assertThat(e.labelNames().values()).containsExactly("__name__", "code", "job");
        assertThat(e.labelValues("code").values()).containsExactly("200", "500");
        assertThat(e.labelValues("__name__", List.of("{job=\"api\"}"),
                SeriesOptions.defaults().start(HOUR.plusSeconds(3600))).values()).isEmpty();
    }

    @Test
    void rejectsBadRangeArguments() {
        assertThatThrownBy(() -> engine().queryRange("up", HOUR, HOUR.minusSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is before start");
        assertThatThrownBy(() -> engine().queryRange("up", HOUR, HOUR, Duration.ZERO))
                .hasMessage("step must be positive, got PT0S");
    }
}
