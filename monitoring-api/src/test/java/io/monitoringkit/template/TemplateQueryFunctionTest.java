package io.monitoringkit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.model.Labels;
import io.monitoringkit.query.LabelsResult;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.SeriesOptions;
import io.monitoringkit.query.SeriesResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateQueryFunctionTest {

    /** A QueryApi that answers fixed results and records what it was asked. */
    private static final class FixedApi implements QueryApi {
        final List<String> asked = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();
        final QueryResult answer;

        FixedApi(QueryResult answer) {
            this.answer = answer;
        }

        @Override
        public QueryResult query(String promql, QueryOptions options) {
            asked.add(promql);
            times.add(options.time().orElseThrow());
            return answer;
        }

        @Override
        public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step, QueryOptions o) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SeriesResult series(List<String> matchers, SeriesOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LabelsResult labelNames(List<String> matchers, SeriesOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LabelsResult labelValues(String labelName, List<String> matchers, SeriesOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void vectorsPassThroughWithTheirLabelsAtTheEvaluationTime() {
        FixedApi api = new FixedApi(QueryResult.Vector.builder().add(Labels.of("job", "api"), 1000, 3).build());
        Instant t = Instant.ofEpochSecond(1_700_000_000);
        List<TemplateSample> samples = TemplateQueryFunction.of(api).query("up", t);
        assertThat(samples).containsExactly(new TemplateSample(Labels.of("job", "api"), 3));
        assertThat(api.asked).containsExactly("up");
        assertThat(api.times).containsExactly(t);
    }

    @Test
    void aScalarBecomesOneSampleWithoutLabels() {
        FixedApi api = new FixedApi(QueryResult.Scalar.of(1000, 2.5));
        assertThat(TemplateQueryFunction.of(api).query("1", Instant.EPOCH))
                .containsExactly(new TemplateSample(Labels.empty(), 2.5));
    }

    @Test
    void aStringResultIsAnErrorAsInPrometheus() {
        FixedApi api = new FixedApi(QueryResult.StringValue.of(1000, "x"));
        assertThatThrownBy(() -> TemplateQueryFunction.of(api).query("\"x\"", Instant.EPOCH))
                .hasMessage("rule result is not a vector or scalar");
    }
}
