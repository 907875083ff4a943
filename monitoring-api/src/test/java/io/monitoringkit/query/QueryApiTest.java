package io.monitoringkit.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.monitoringkit.promql.PromQL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryApiTest {

    /** Records what the abstract methods receive. */
    static final class Recording implements QueryApi {
        final List<String> calls = new ArrayList<>();

        @Override
        public QueryResult query(String promql, QueryOptions options) {
            calls.add("query " + promql + " " + options);
            return QueryResult.Scalar.of(0, 1);
        }

        @Override
        public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step,
                QueryOptions options) {
            calls.add("range " + promql + " " + start.getEpochSecond() + " " + end.getEpochSecond() + " " + step);
            return QueryResult.Matrix.of(List.of());
        }

        @Override
        public SeriesResult series(List<String> matchers, SeriesOptions options) {
            calls.add("series " + matchers);
            return new SeriesResult(List.of(), List.of(), List.of());
        }

        @Override
        public LabelsResult labelNames(List<String> matchers, SeriesOptions options) {
            calls.add("names " + matchers);
            return new LabelsResult(List.of(), List.of(), List.of());
        }

        @Override
        public LabelsResult labelValues(String labelName, List<String> matchers, SeriesOptions options) {
            calls.add("values " + labelName + " " + matchers);
            return new LabelsResult(List.of(), List.of(), List.of());
        }
    }

    @Test
    void typedQueriesArePrintedAsCanonicalPromQL() {
        Recording api = new Recording();
        api.query(PromQL.sum(PromQL.metric("up")).by("job"));
        api.queryRange(PromQL.metric("up"), Instant.ofEpochSecond(0), Instant.ofEpochSecond(60), Duration.ofSeconds(15));
        assertThat(api.calls).containsExactly("query sum by (job) (up) QueryOptions{}", "range up 0 60 PT15S");
    }

    @Test
    void shortFormsPassDefaults() {
        Recording api = new Recording();
        api.query("up", Instant.ofEpochSecond(5));
        api.labelNames();
        api.labelValues("job");
        api.series(List.of("up"));
        assertThat(api.calls).containsExactly("query up QueryOptions{time=1970-01-01T00:00:05Z}", "names []",
                "values job []", "series [up]");
    }
}
