package io.monitoringkit.engine;

import io.monitoringkit.engine.internal.EngineOptions;
import io.monitoringkit.engine.internal.EvalException;
import io.monitoringkit.engine.internal.EvalResult;
import io.monitoringkit.engine.internal.MemSeries;
import io.monitoringkit.engine.internal.QueryRunner;
import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.query.ErrorType;
import io.monitoringkit.query.LabelsResult;
import io.monitoringkit.query.QueryApi;
import io.monitoringkit.query.QueryException;
import io.monitoringkit.query.QueryOptions;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.query.Series;
import io.monitoringkit.query.SeriesOptions;
import io.monitoringkit.query.SeriesResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An in-process PromQL engine with Prometheus 3.x semantics over a {@link Storage}: the same {@link QueryApi} as a
 * real Prometheus, for unit tests of alert rules, dashboards' queries and any PromQL-consuming code. Instant and
 * range queries, the 5m lookback (configurable), left-open ranges, {@code offset}, {@code @}, subqueries, every
 * function and aggregation over float samples (native histograms are out of scope and fail clearly).
 *
 * <pre>{@code
 * Storage storage = Storage.create().load("""
 *     load 1m
 *       http_requests_total{job="api", code="500"} 0+3x60
 *       http_requests_total{job="api", code="200"} 0+100x60
 *     """);
 * PromEngine engine = PromEngine.create(storage);
 * QueryResult.Vector v = engine.query("sum by (code) (rate(http_requests_total[5m]))",
 *         Instant.ofEpochSecond(3600)).asVector();
 * v.valueOf(Labels.of("code", "500"));   // OptionalDouble[0.05]
 * }</pre>
 *
 * <p>Thread-safe. Not a production TSDB: everything lives on the heap, exactness comes first.
 */
public final class PromEngine implements QueryApi {

    static {
        io.monitoringkit.engine.internal.EngineAccess.registerOptions(e -> e.options);
    }

    private final Storage storage;
    private final EngineOptions options;
    private final ParseOptions parseOptions;
    private final Clock clock;

    private PromEngine(Builder b) {
        this.storage = b.storage;
        this.options = new EngineOptions(b.lookbackDelta.toMillis(), b.subqueryStep.toMillis(), b.maxSamples,
                b.experimentalFunctions);
        this.parseOptions = ParseOptions.defaults().withExperimentalFunctions(b.experimentalFunctions);
        this.clock = b.clock;
    }

    /** @return an engine with Prometheus' defaults (5m lookback, 1m subquery step, no experimental functions). */
    public static PromEngine create(Storage storage) {
        return builder(storage).build();
    }

    /** @return a builder for an engine over {@code storage}. */
    public static Builder builder(Storage storage) {
        return new Builder(storage);
    }

    /** @return the storage this engine reads. */
    public Storage storage() {
        return storage;
    }

    // ---------------------------------------------------------------- QueryApi

    @Override
    public QueryResult query(String promql, QueryOptions queryOptions) {
        return instant(parse(promql), promql, queryOptions);
    }

    @Override
    public QueryResult query(Expr expr, QueryOptions queryOptions) {
        Objects.requireNonNull(expr, "expr");
        return instant(expr, expr.toPromQL(), queryOptions);
    }

    private QueryResult instant(Expr expr, String text, QueryOptions queryOptions) {
        Instant t = queryOptions.time().orElseGet(clock::instant);
        EvalResult r = run(() -> QueryRunner.instant(storage.store(), effective(queryOptions), expr, t.toEpochMilli()));
        return toQueryResult(r, text, queryOptions.limit().orElse(0));
    }

    @Override
    public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step,
                                         QueryOptions queryOptions) {
        return range(parse(promql), promql, start, end, step, queryOptions);
    }

    @Override
    public QueryResult.Matrix queryRange(Expr expr, Instant start, Instant end, Duration step,
                                         QueryOptions queryOptions) {
        Objects.requireNonNull(expr, "expr");
        return range(expr, expr.toPromQL(), start, end, step, queryOptions);
    }

    private QueryResult.Matrix range(Expr expr, String text, Instant start, Instant end, Duration step,
                                     QueryOptions queryOptions) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        if (queryOptions.time().isPresent()) {
            throw new IllegalArgumentException("a range query takes no time option, got " + queryOptions.time().get());
        }
        EvalResult r = run(() -> QueryRunner.range(storage.store(), effective(queryOptions), expr,
                start.toEpochMilli(), end.toEpochMilli(), step.toMillis()));
        return (QueryResult.Matrix) toQueryResult(r, text, queryOptions.limit().orElse(0));
    }

    @Override
    public SeriesResult series(List<String> matchers, SeriesOptions seriesOptions) {
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("series needs at least one match[] selector");
        }
        Set<Labels> out = new LinkedHashSet<>();
        for (MemSeries s : matching(matchers, seriesOptions)) {
            out.add(s.labels());
        }
        List<Labels> list = new ArrayList<>(out);
        list.sort(null);
        int limit = seriesOptions.limit().orElse(0);
        List<String> warnings = List.of();
        if (limit > 0 && list.size() > limit) {
            list = list.subList(0, limit);
            warnings = List.of("results truncated due to limit");
        }
        return new SeriesResult(list, warnings, List.of());
    }

    @Override
    public LabelsResult labelNames(List<String> matchers, SeriesOptions seriesOptions) {
        Set<String> names = new TreeSet<>();
        for (MemSeries s : matchers.isEmpty() ? inWindow(storage.store().all(), seriesOptions)
                : matching(matchers, seriesOptions)) {
            names.addAll(s.labels().names());
        }
        return limited(new ArrayList<>(names), seriesOptions);
    }

    @Override
    public LabelsResult labelValues(String labelName, List<String> matchers, SeriesOptions seriesOptions) {
        Set<String> values = new TreeSet<>();
        for (MemSeries s : matchers.isEmpty() ? inWindow(storage.store().all(), seriesOptions)
                : matching(matchers, seriesOptions)) {
            s.labels().get(labelName).ifPresent(values::add);
        }
        return limited(new ArrayList<>(values), seriesOptions);
    }

    // ---------------------------------------------------------------- internals

    private static LabelsResult limited(List<String> values, SeriesOptions o) {
        int limit = o.limit().orElse(0);
        if (limit > 0 && values.size() > limit) {
            return new LabelsResult(values.subList(0, limit), List.of("results truncated due to limit"), List.of());
        }
        return new LabelsResult(values, List.of(), List.of());
    }

    private List<MemSeries> matching(List<String> matchers, SeriesOptions o) {
        List<MemSeries> out = new ArrayList<>();
        for (String m : matchers) {
            Expr e = parse(m);
            if (!(e instanceof VectorSelector vs)) {
                throw new QueryException(ErrorType.BAD_DATA, "invalid parameter \"match[]\": " + m
                        + " is not a series selector");
            }
            List<LabelMatcher> lm = vs.allMatchers();
            out.addAll(inWindow(storage.store().select(lm), o));
        }
        return out;
    }

    private static List<MemSeries> inWindow(List<MemSeries> series, SeriesOptions o) {
        long start = o.start().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
        long end = o.end().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        List<MemSeries> out = new ArrayList<>();
        for (MemSeries s : series) {
            int i = start == Long.MIN_VALUE ? 0 : s.firstAfter(start - 1);
            if (i < s.size() && s.t(i) <= end) {
                out.add(s);
            }
        }
        return out;
    }

    private Expr parse(String promql) {
        Objects.requireNonNull(promql, "promql");
        try {
            return PromQL.parse(promql, parseOptions);
        } catch (PromQLParseException e) {
            throw new QueryException(ErrorType.BAD_DATA, "invalid parameter \"query\": " + e.getMessage());
        }
    }

    private EngineOptions effective(QueryOptions o) {
        Optional<Duration> lb = o.lookbackDelta();
        if (lb.isEmpty()) {
            return options;
        }
        return new EngineOptions(lb.get().toMillis(), options.subqueryStepMillis(), options.maxSamples(),
                options.experimentalFunctions());
    }

    private interface Eval {
        EvalResult run();
    }

    private static EvalResult run(Eval e) {
        try {
            return e.run();
        } catch (EvalException x) {
            throw new QueryException(ErrorType.EXECUTION, x.getMessage());
        }
    }

    private static QueryResult toQueryResult(EvalResult r, String text, int limit) {
        QueryResult.Notes notes = new QueryResult.Notes(r.annotations().warnings(text), r.annotations().infos(text),
                Optional.empty());
        if (r instanceof EvalResult.VectorResult v) {
            QueryResult.Vector.Builder b = QueryResult.Vector.builder();
            int n = 0;
            boolean truncated = false;
            for (EvalResult.Point p : v.samples()) {
                if (limit > 0 && n == limit) {
                    truncated = true;
                    break;
                }
                b.add(p.metric(), p.t(), p.v());
                n++;
            }
            return b.notes(truncatedNotes(notes, truncated)).build();
        }
        if (r instanceof EvalResult.MatrixResult m) {
            List<Series> series = new ArrayList<>(m.series().size());
            boolean truncated = false;
            for (EvalResult.SeriesPoints s : m.series()) {
                if (limit > 0 && series.size() == limit) {
                    truncated = true;
                    break;
                }
                series.add(Series.of(s.metric(), s.ts(), s.vs()));
            }
            return QueryResult.Matrix.of(series, truncatedNotes(notes, truncated));
        }
        if (r instanceof EvalResult.ScalarResult s) {
            return QueryResult.Scalar.of(s.t(), s.v(), notes);
        }
        EvalResult.StringResult s = (EvalResult.StringResult) r;
        return QueryResult.StringValue.of(s.t(), s.v(), notes);
    }

    private static QueryResult.Notes truncatedNotes(QueryResult.Notes notes, boolean truncated) {
        if (!truncated) {
            return notes;
        }
        List<String> w = new ArrayList<>(notes.warnings());
        w.add("results truncated due to limit");
        return new QueryResult.Notes(w, notes.infos(), notes.stats());
    }

    /**
     * Builds a {@link PromEngine}.
     *
     * <pre>{@code
     * PromEngine engine = PromEngine.builder(storage)
     *         .lookbackDelta(Duration.ofMinutes(2))
     *         .experimentalFunctions(true)
     *         .clock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Storage storage;
        private Duration lookbackDelta = Duration.ofMinutes(5);
        private Duration subqueryStep = Duration.ofMinutes(1);
        private long maxSamples = 50_000_000;
        private boolean experimentalFunctions;
        private Clock clock = Clock.systemUTC();

        private Builder(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        /** How far back an instant selector looks for a sample (Prometheus' {@code --query.lookback-delta}). */
        public Builder lookbackDelta(Duration lookbackDelta) {
            if (lookbackDelta.isNegative() || lookbackDelta.isZero()) {
                throw new IllegalArgumentException("lookbackDelta must be positive, got " + lookbackDelta);
            }
            this.lookbackDelta = lookbackDelta;
            return this;
        }

        /** The step of subqueries written without one ({@code x[5m:]}), Prometheus' evaluation interval. */
        public Builder subqueryStep(Duration subqueryStep) {
            if (subqueryStep.isNegative() || subqueryStep.isZero()) {
                throw new IllegalArgumentException("subqueryStep must be positive, got " + subqueryStep);
            }
            this.subqueryStep = subqueryStep;
            return this;
        }

        /** The most samples a query may hold (Prometheus' {@code --query.max-samples}). */
        public Builder maxSamples(long maxSamples) {
            if (maxSamples <= 0) {
                throw new IllegalArgumentException("maxSamples must be positive, got " + maxSamples);
            }
            this.maxSamples = maxSamples;
            return this;
        }

        /** Allows experimental functions and aggregations ({@code --enable-feature=promql-experimental-functions}). */
        public Builder experimentalFunctions(boolean enabled) {
            this.experimentalFunctions = enabled;
            return this;
        }

        /** The clock giving "now" for instant queries without a time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the engine. */
        public PromEngine build() {
            return new PromEngine(this);
        }
    }
}
