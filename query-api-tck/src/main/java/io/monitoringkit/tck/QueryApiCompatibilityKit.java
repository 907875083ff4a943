package io.monitoringkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.monitoringkit.model.Labels;
import io.monitoringkit.query.ErrorType;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryException;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import io.monitoringkit.query.SeriesOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The compatibility kit every {@link QueryApi} implementation passes: selectors, functions, aggregations,
 * binary operators with vector matching, range queries, the series and label calls, and errors — on the data
 * set of {@link TckData}, with every expected value computed by hand (the comments show the arithmetic).
 *
 * <p>Extend it and implement the one hook, {@link #queryApiOver(String)}: load this OpenMetrics text (every
 * sample carries a timestamp) and return a {@code QueryApi} over it. It is called once per test class. The
 * expectations hold for Prometheus 3.x and 2.x alike: no query puts a sample exactly on a range boundary.
 *
 * <pre>{@code
 * class EngineCompatibilityTest extends QueryApiCompatibilityKit {
 *     protected QueryApi queryApiOver(String openMetrics) {
 *         Storage storage = Storage.create();
 *         storage.loadExposition(openMetrics, ExpositionFormat.OPENMETRICS);
 *         return PromEngine.create(storage);
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryApiCompatibilityKit {

    /** The evaluation time of instant queries: 7.5 s after the last sample, so no sample sits on a boundary. */
    protected static final Instant NOW = TckData.at(607.5);

    private static final double EPS = 1e-9;

    private QueryApi api;

    /**
     * Loads {@code openMetrics} and returns a {@code QueryApi} over it.
     *
     * @param openMetrics OpenMetrics text in which every sample has a timestamp (see {@link TckData})
     * @return the implementation under test
     * @throws Exception when the data cannot be loaded
     */
    protected abstract QueryApi queryApiOver(String openMetrics) throws Exception;

    @BeforeAll
    final void load() throws Exception {
        api = queryApiOver(TckData.openMetrics());
    }

    /** @return the implementation under test, for subclasses' own extra tests. */
    protected final QueryApi api() {
        return api;
    }

    private QueryResult.Vector vector(String promql) {
        return api.query(promql, QueryOptions.defaults().time(NOW)).asVector();
    }

    private static Labels l(String... kv) {
        return Labels.of(kv);
    }

    private static Map<Labels, Double> map(QueryResult.Vector v) {
        return v.asMap();
    }

    @Nested
    @DisplayName("selectors")
    class Selectors {
        @Test
        void selectsEverySeriesOfAMetricWithItsNameAndTheEvaluationTime() {
            QueryResult.Vector v = vector("up");
            assertThat(map(v)).containsOnly(
                    Map.entry(l("__name__", "up", "job", "api", "instance", "a"), 1.0),
                    Map.entry(l("__name__", "up", "job", "api", "instance", "b"), 0.0),
                    Map.entry(l("__name__", "up", "job", "db", "instance", "c"), 1.0));
            for (int i = 0; i < v.size(); i++) {
                assertThat(v.timestamp(i)).isEqualTo(NOW.toEpochMilli());
            }
        }

        @Test
        void regexMatchersAreAnchored() {
            assertThat(map(vector("http_requests_total{code=~\"5..\"}"))).containsOnly(
                    Map.entry(l("__name__", "http_requests_total", "job", "api", "instance", "a", "code", "500"), 40.0));
            assertThat(vector("http_requests_total{code=~\"5\"}").isEmpty()).isTrue();
        }

        @Test
        void negativeMatchersCombineWithEquality() {
            assertThat(map(vector("http_requests_total{job=\"api\",code!=\"500\"}")).values())
                    .containsExactlyInAnyOrder(400.0, 800.0);
        }

        @Test
        void theMetricNameCanBeMatchedAsALabel() {
            assertThat(map(vector("{__name__=~\"temp.*\",room=\"garage\"}"))).containsOnly(
                    Map.entry(l("__name__", "temperature_celsius", "room", "garage"), 40.0));
        }

        @Test
        void anUnknownMetricGivesAnEmptyVector() {
            assertThat(vector("nonexistent_metric").isEmpty()).isTrue();
        }

        @Test
        void offsetLooksBack() {
            // at 607.5 - 60 = 547.5 the newest sample is the one at 540 s, i = 36
            assertThat(map(vector("temperature_celsius{room=\"garage\"} offset 1m")).values()).containsExactly(36.0);
        }

        @Test
        void atPinsTheEvaluationTime() {
            // @ T0 + 300 s: i = 20
            assertThat(map(vector("temperature_celsius{room=\"garage\"} @ " + (TckData.T0 + 300))).values())
                    .containsExactly(20.0);
        }
    }

    @Nested
    @DisplayName("functions")
    class Functions {
        @Test
        void rateExtrapolatesToTheWindowAndDropsTheName() {
            // window (307.5, 607.5]: samples i = 21..40, increase 190 over 285 s, extrapolated to 300 s: 200 / 300
            assertThat(map(vector("rate(http_requests_total{instance=\"a\",code=\"200\"}[5m])"))).hasSize(1)
                    .hasEntrySatisfying(l("job", "api", "instance", "a", "code", "200"),
                            v -> assertThat(v).isCloseTo(2.0 / 3.0, within(EPS)));
        }

        @Test
        void increaseAndDeltaExtrapolateAlike() {
            // 19 * 300 / 285 = 20
            assertThat(vector("increase(http_requests_total{code=\"500\"}[5m])").single().value())
                    .isCloseTo(20.0, within(EPS));
            assertThat(vector("delta(temperature_celsius{room=\"garage\"}[5m])").single().value())
                    .isCloseTo(20.0, within(EPS));
        }

        @Test
        void overTimeFunctionsSeeTheSamplesOfTheWindow() {
            String garage = "temperature_celsius{room=\"garage\"}[5m]";
            assertThat(vector("avg_over_time(" + garage + ")").single().value()).isCloseTo(30.5, within(EPS));
            assertThat(vector("count_over_time(" + garage + ")").single().value()).isEqualTo(20.0);
            assertThat(vector("max_over_time(" + garage + ")").single().value()).isEqualTo(40.0);
            assertThat(vector("min_over_time(" + garage + ")").single().value()).isEqualTo(21.0);
            assertThat(vector("last_over_time(" + garage + ")").single().value()).isEqualTo(40.0);
        }

        @Test
        void histogramQuantileInterpolatesWithinTheBucket() {
            // rank 0.75 * 10k = 7.5k lies in (0.1, 0.5]: 0.1 + 0.4 * (7.5k - 6k) / (9k - 6k) = 0.3
            assertThat(vector("histogram_quantile(0.75, sum by (le) (rate(latency_seconds_bucket[5m])))").single()
                    .value()).isCloseTo(0.3, within(EPS));
            assertThat(vector("histogram_quantile(0.75, latency_seconds_bucket)").single().labels())
                    .isEqualTo(l("job", "api"));
        }

        @Test
        void labelReplaceAddsALabelAndKeepsTheName() {
            assertThat(vector("label_replace(up{instance=\"a\"}, \"host\", \"$1-x\", \"instance\", \"(.*)\")").single()
                    .labels()).isEqualTo(l("__name__", "up", "job", "api", "instance", "a", "host", "a-x"));
        }

        @Test
        void absentTakesItsLabelsFromEqualityMatchers() {
            assertThat(map(vector("absent(nonexistent_metric{job=\"x\"})"))).containsOnly(Map.entry(l("job", "x"), 1.0));
            assertThat(vector("absent(up)").isEmpty()).isTrue();
        }

        @Test
        void mathFunctionsDropTheName() {
            assertThat(map(vector("clamp_max(temperature_celsius, 15)"))).containsOnly(
                    Map.entry(l("room", "garage"), 15.0), Map.entry(l("room", "kitchen"), 15.0));
            assertThat(vector("round(temperature_celsius{room=\"kitchen\"})").single().value()).isEqualTo(22.0);
        }

        @Test
        void timestampReturnsTheSampleTimeInSeconds() {
            assertThat(vector("timestamp(up{instance=\"a\"})").single().value()).isEqualTo(TckData.T0 + 600.0);
        }

        @Test
        void subqueriesStepOnMultiplesOfTheirResolution() {
            // steps in (487.5, 607.5] at multiples of 30 s: 510, 540, 570, 600 -> 34, 36, 38, 40
            assertThat(vector("min_over_time(temperature_celsius{room=\"garage\"}[2m:30s])").single().value())
                    .isEqualTo(34.0);
        }
    }

    @Nested
    @DisplayName("aggregations")
    class Aggregations {
        @Test
        void sumCountAvgAndGroup() {
            assertThat(vector("sum(up)").single().value()).isEqualTo(2.0);
            assertThat(vector("count(up)").single().value()).isEqualTo(3.0);
            assertThat(map(vector("avg by (job) (up)"))).containsOnly(
                    Map.entry(l("job", "api"), 0.5), Map.entry(l("job", "db"), 1.0));
            assertThat(map(vector("group by (job) (up)"))).containsOnly(
                    Map.entry(l("job", "api"), 1.0), Map.entry(l("job", "db"), 1.0));
        }

        @Test
        void sumByJobOfRates() {
            // api: (10 + 1 + 20) / 15, db: 5 / 15
            Map<Labels, Double> m = map(vector("sum by (job) (rate(http_requests_total[5m]))"));
            assertThat(m).containsOnlyKeys(l("job", "api"), l("job", "db"));
            assertThat(m.get(l("job", "api"))).isCloseTo(31.0 / 15.0, within(EPS));
            assertThat(m.get(l("job", "db"))).isCloseTo(1.0 / 3.0, within(EPS));
        }

        @Test
        void minMaxWithoutAndBy() {
            assertThat(map(vector("max by (job) (http_requests_total)"))).containsOnly(
                    Map.entry(l("job", "api"), 800.0), Map.entry(l("job", "db"), 200.0));
            assertThat(vector("min(temperature_celsius)").single().value()).isEqualTo(21.5);
            assertThat(map(vector("sum without (instance, code) (http_requests_total)"))).containsOnly(
                    Map.entry(l("job", "api"), 1240.0), Map.entry(l("job", "db"), 200.0));
        }

        @Test
        void topkAndBottomkKeepTheWholeSeries() {
            assertThat(map(vector("topk(1, http_requests_total)"))).containsOnly(Map.entry(
                    l("__name__", "http_requests_total", "job", "api", "instance", "b", "code", "200"), 800.0));
            assertThat(map(vector("bottomk(1, up)"))).containsOnly(
                    Map.entry(l("__name__", "up", "job", "api", "instance", "b"), 0.0));
        }

        @Test
        void countValuesQuantileAndStddev() {
            assertThat(map(vector("count_values(\"value\", up)"))).containsOnly(
                    Map.entry(l("value", "1"), 2.0), Map.entry(l("value", "0"), 1.0));
            assertThat(vector("quantile(0.5, temperature_celsius)").single().value()).isCloseTo(30.75, within(EPS));
            assertThat(vector("stddev(temperature_celsius)").single().value()).isCloseTo(9.25, within(EPS));
        }
    }

    @Nested
    @DisplayName("binary operators")
    class Binary {
        @Test
        void comparisonsFilterAndKeepTheName() {
            assertThat(map(vector("up == 1")).keySet()).containsExactlyInAnyOrder(
                    l("__name__", "up", "job", "api", "instance", "a"), l("__name__", "up", "job", "db", "instance", "c"));
        }

        @Test
        void boolComparisonsReturnZeroOrOneAndDropTheName() {
            assertThat(map(vector("up == bool 1"))).containsOnly(
                    Map.entry(l("job", "api", "instance", "a"), 1.0),
                    Map.entry(l("job", "api", "instance", "b"), 0.0),
                    Map.entry(l("job", "db", "instance", "c"), 1.0));
        }

        @Test
        void oneToOneMatchingOnLabelsKeepsOnlyThoseLabels() {
            assertThat(map(vector("http_requests_total{code=\"500\"} / on (job, instance) http_requests_total{code=\"200\"}")))
                    .containsOnly(Map.entry(l("job", "api", "instance", "a"), 0.1));
            assertThat(map(vector("http_requests_total{code=\"500\"} / ignoring (code) http_requests_total{code=\"200\"}")))
                    .containsOnly(Map.entry(l("job", "api", "instance", "a"), 0.1));
        }

        @Test
        void groupLeftCopiesLabelsFromTheOneSide() {
            assertThat(map(vector("up * on (instance) group_left (code) http_requests_total{code=\"500\"}")))
                    .containsOnly(Map.entry(l("job", "api", "instance", "a", "code", "500"), 40.0));
        }

        @Test
        void duplicateSeriesOnTheOneSideIsAnExecutionError() {
            assertThatThrownBy(() -> vector("http_requests_total + on (job) up"))
                    .isInstanceOf(QueryException.class)
                    .satisfies(e -> assertThat(((QueryException) e).errorType()).contains(ErrorType.EXECUTION));
        }

        @Test
        void setOperators() {
            assertThat(map(vector("up and on (instance) http_requests_total{code=\"500\"}")).keySet())
                    .containsExactly(l("__name__", "up", "job", "api", "instance", "a"));
            assertThat(map(vector("up unless on (instance) http_requests_total{code=\"500\"}")).keySet())
                    .containsExactlyInAnyOrder(l("__name__", "up", "job", "api", "instance", "b"),
                            l("__name__", "up", "job", "db", "instance", "c"));
            assertThat(vector("up{job=\"db\"} or temperature_celsius{room=\"kitchen\"}").size()).isEqualTo(2);
        }

        @Test
        void scalarsAndVectorsMix() {
            assertThat(map(vector("vector(1) + 1"))).containsOnly(Map.entry(Labels.empty(), 2.0));
            assertThat(map(vector("temperature_celsius{room=\"kitchen\"} * 2"))).containsOnly(
                    Map.entry(l("room", "kitchen"), 43.0));
        }
    }

    @Nested
    @DisplayName("result types")
    class ResultTypes {
        @Test
        void scalarResults() {
            QueryResult r = api.query("scalar(sum(up))", QueryOptions.defaults().time(NOW));
            assertThat(r).isInstanceOf(QueryResult.Scalar.class);
            assertThat(r.asScalar().value()).isEqualTo(2.0);
            assertThat(r.asScalar().timestamp()).isEqualTo(NOW.toEpochMilli());
            assertThat(api.query("2 * 3 + 1", QueryOptions.defaults().time(NOW)).asScalar().value()).isEqualTo(7.0);
        }

        @Test
        void stringResults() {
            QueryResult r = api.query("\"hello\"", QueryOptions.defaults().time(NOW));
            assertThat(r).isInstanceOf(QueryResult.StringValue.class);
            assertThat(((QueryResult.StringValue) r).value()).isEqualTo("hello");
        }
    }

    @Nested
    @DisplayName("range queries")
    class RangeQueries {
        @Test
        void evaluatesAtEveryStep() {
            QueryResult.Matrix m = api.queryRange("temperature_celsius{room=\"garage\"}", TckData.at(300),
                    TckData.at(420), Duration.ofMinutes(1));
            Series s = m.single();
            assertThat(s.labels()).isEqualTo(l("__name__", "temperature_celsius", "room", "garage"));
            assertThat(s.timestamps()).containsExactly(TckData.at(300).toEpochMilli(), TckData.at(360).toEpochMilli(),
                    TckData.at(420).toEpochMilli());
            assertThat(s.values()).containsExactly(20.0, 24.0, 28.0);
        }

        @Test
        void aggregatesOverRanges() {
            Series s = api.queryRange("sum(up)", TckData.at(60), TckData.at(600), Duration.ofMinutes(3)).single();
            assertThat(s.timestamps()).hasSize(4);
            assertThat(s.values()).containsOnly(2.0);
        }

        @Test
        void ratesOverRanges() {
            // every step sees a slope of 1 per 15 s, extrapolated the same way in 2.x and 3.x
            Series s = api.queryRange("rate(http_requests_total{code=\"500\"}[1m])", TckData.at(120), TckData.at(600),
                    Duration.ofMinutes(2)).single();
            assertThat(s.labels()).isEqualTo(l("job", "api", "instance", "a", "code", "500"));
            assertThat(s.size()).isEqualTo(5);
            for (double v : s.values()) {
                assertThat(v).isCloseTo(1.0 / 15.0, within(EPS));
            }
        }

        @Test
        void anEmptySelectionGivesAnEmptyMatrix() {
            assertThat(api.queryRange("nonexistent_metric", TckData.at(0), TckData.at(600), Duration.ofMinutes(1))
                    .isEmpty()).isTrue();
        }
    }

    @Nested
    @DisplayName("series and labels")
    class Metadata {
        private final SeriesOptions all = SeriesOptions.defaults().start(TckData.at(0)).end(TckData.at(600));

        @Test
        void seriesListsTheMatchingLabelSets() {
            assertThat(api.series(List.of("up"), all).series()).containsExactlyInAnyOrder(
                    l("__name__", "up", "job", "api", "instance", "a"),
                    l("__name__", "up", "job", "api", "instance", "b"),
                    l("__name__", "up", "job", "db", "instance", "c"));
            assertThat(api.series(List.of("{__name__=~\"temp.*\"}", "up{job=\"db\"}"), all).series()).hasSize(3);
        }

        @Test
        void labelNamesAreSortedAndUnique() {
            assertThat(api.labelNames(List.of("up"), all).values()).containsExactly("__name__", "instance", "job");
            assertThat(api.labelNames(List.of(), all).values())
                    .containsExactly("__name__", "code", "instance", "job", "le", "room");
        }

        @Test
        void labelValuesAreSortedAndUnique() {
            assertThat(api.labelValues("job", List.of(), all).values()).containsExactly("api", "db");
            assertThat(api.labelValues("room", List.of(), all).values()).containsExactly("garage", "kitchen");
            assertThat(api.labelValues("__name__", List.of(), all).values()).containsExactly("http_requests_total",
                    "latency_seconds_bucket", "latency_seconds_count", "latency_seconds_sum", "temperature_celsius", "up");
            assertThat(api.labelValues("instance", List.of("up{job=\"db\"}"), all).values()).containsExactly("c");
        }
    }

    @Nested
    @DisplayName("errors")
    class Errors {
        @Test
        void aSyntaxErrorIsBadData() {
            assertThatThrownBy(() -> vector("sum(up"))
                    .isInstanceOf(QueryException.class)
                    .satisfies(e -> assertThat(((QueryException) e).errorType()).contains(ErrorType.BAD_DATA));
        }

        @Test
        void aTypeErrorIsBadData() {
            assertThatThrownBy(() -> vector("rate(up)"))
                    .isInstanceOf(QueryException.class)
                    .satisfies(e -> assertThat(((QueryException) e).errorType()).contains(ErrorType.BAD_DATA))
                    .hasMessageContaining("expected type range vector in call to function \"rate\", got instant vector");
        }
    }
}
