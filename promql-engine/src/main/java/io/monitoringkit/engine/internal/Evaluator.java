package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.Aggregation;
import io.monitoringkit.promql.AtModifier;
import io.monitoringkit.promql.BinaryOp;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ExprVisitor;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.NumberLiteral;
import io.monitoringkit.promql.RangeParen;
import io.monitoringkit.promql.ScalarBinary;
import io.monitoringkit.promql.ScalarCall;
import io.monitoringkit.promql.ScalarParen;
import io.monitoringkit.promql.ScalarUnary;
import io.monitoringkit.promql.StringLiteral;
import io.monitoringkit.promql.StringParen;
import io.monitoringkit.promql.Subquery;
import io.monitoringkit.promql.UnaryOp;
import io.monitoringkit.promql.ValueType;
import io.monitoringkit.promql.VectorBinary;
import io.monitoringkit.promql.VectorCall;
import io.monitoringkit.promql.VectorParen;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.promql.VectorUnary;
import io.monitoringkit.model.PromDuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a PromQL syntax tree step by step with Prometheus 3.x semantics (delayed name removal, left-open
 * ranges). Every node is evaluated once for all steps of the query ({@link Val}); per-step work happens inside.
 */
public final class Evaluator implements ExprVisitor<Val> {

    final SeriesStore store;
    final EngineOptions opts;
    final long queryStart;
    final long queryEnd;
    final long queryStep;
    final Annotations annotations = new Annotations();
    private long currentSamples;

    /** The evaluation range of the node being evaluated (changes inside subqueries). */
    long start;
    long end;
    long interval;
    long[] times;

    Evaluator(SeriesStore store, EngineOptions opts, long queryStart, long queryEnd, long interval) {
        this.store = store;
        this.opts = opts;
        this.queryStart = queryStart;
        this.queryEnd = queryEnd;
        this.queryStep = interval;
        setRange(queryStart, queryEnd, interval);
    }

    private void setRange(long s, long e, long iv) {
        this.start = s;
        this.end = e;
        this.interval = iv;
        int n = e < s ? 0 : (int) ((e - s) / iv) + 1;
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            ts[i] = s + i * iv;
        }
        this.times = ts;
    }

    int steps() {
        return times.length;
    }

    Vec[] newSteps() {
        return newSteps(10);
    }

    Vec[] newSteps(int capacity) {
        Vec[] v = new Vec[times.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = new Vec(capacity);
        }
        return v;
    }

    /** Evaluates {@code e} for every step of the current range. */
    Val eval(Expr e) {
        return e.accept(this);
    }

    Vec[] vectors(Expr e) {
        return ((Val.Vectors) eval(e)).steps();
    }

    double[] scalars(Expr e) {
        return ((Val.Scalars) eval(e)).v();
    }

    /** @return {@code e} without surrounding parentheses (Prometheus unwraps function and aggregation args). */
    static Expr unwrap(Expr e) {
        Expr x = e;
        while (true) {
            if (x instanceof VectorParen p) {
                x = p.expr();
            } else if (x instanceof ScalarParen p) {
                x = p.expr();
            } else if (x instanceof StringParen p) {
                x = p.expr();
            } else if (x instanceof RangeParen p) {
                x = p.expr();
            } else {
                return x;
            }
        }
    }

    static String string(Expr e) {
        Expr x = e;
        while (x instanceof StringParen p) {
            x = p.expr();
        }
        return ((StringLiteral) x).value();
    }

    void countSamples(long n) {
        currentSamples += n;
        if (currentSamples > opts.maxSamples()) {
            throw new EvalException("query processing would load too many samples into memory in query execution");
        }
    }

    // ---------------------------------------------------------------- selectors

    long atTime(AtModifier at) {
        return switch (at.kind()) {
            case START -> queryStart;
            case END -> queryEnd;
            case TIMESTAMP -> at.timestampMillis();
        };
    }

    long ref(long t, PromDuration offset, Optional<AtModifier> at) {
        long base = at.isPresent() ? atTime(at.get()) : t;
        return base - offset.millis();
    }

    @Override
    public Val visit(VectorSelector e) {
        return new Val.Vectors(selectVector(e, false));
    }

    Vec[] selectVector(VectorSelector e, boolean keepSampleTime) {
        List<MemSeries> series = store.select(e.allMatchers());
        Vec[] out = newSteps(series.size());
        long lookback = opts.lookbackMillis();
        long total = 0;
        for (MemSeries s : series) {
            Labels l = s.labels();
            for (int i = 0; i < times.length; i++) {
                long r = ref(times[i], e.offset(), e.at());
                int idx = s.firstAfter(r) - 1;
                if (idx < 0) {
                    continue;
                }
                long t = s.t(idx);
                if (t <= r - lookback) {
                    continue;
                }
                double v = s.v(idx);
                if (Staleness.isStale(v)) {
                    continue;
                }
                out[i].add(new Sample(l, v, keepSampleTime ? t : times[i], false));
                total++;
            }
        }
        countSamples(total);
        return out;
    }

    @Override
    public Val visit(MatrixSelector e) {
        return range(e);
    }

    @Override
    public Val visit(Subquery e) {
        return range(e);
    }

    @Override
    public Val visit(RangeParen e) {
        return eval(e.expr());
    }

    Val.Range range(Expr e) {
        Expr x = e;
        while (x instanceof RangeParen p) {
            x = p.expr();
        }
        if (x instanceof MatrixSelector m) {
            return matrix(m);
        }
        return subquery((Subquery) x);
    }

    private long[] stepTimesFor(boolean hasAt) {
        // predict_linear, the only user, is not step-invariant in Prometheus even with @: always the step time
        return times;
    }

    private Val.Range matrix(MatrixSelector m) {
        VectorSelector vs = m.selector();
        long range = m.range().millis();
        long[] refs = new long[times.length];
        long minRef = Long.MAX_VALUE;
        long maxRef = Long.MIN_VALUE;
        for (int i = 0; i < times.length; i++) {
            refs[i] = ref(times[i], vs.offset(), vs.at());
            minRef = Math.min(minRef, refs[i]);
            maxRef = Math.max(maxRef, refs[i]);
        }
        List<RSeries> out = new ArrayList<>();
        if (times.length > 0) {
            long total = 0;
            for (MemSeries s : store.select(vs.allMatchers())) {
                int lo = s.firstAfter(minRef - range);
                int hi = s.firstAfter(maxRef);
                int n = 0;
                long[] ts = new long[hi - lo];
                double[] v = new double[hi - lo];
                if (!s.hasStaleMarkers()) {
                    s.copy(lo, hi, ts, v);
                    n = hi - lo;
                    lo = hi;
                }
                for (int k = lo; k < hi; k++) {
                    double x = s.v(k);
                    if (!Staleness.isStale(x)) {
                        ts[n] = s.t(k);
                        v[n] = x;
                        n++;
                    }
                }
                if (n > 0) {
                    out.add(new RSeries(s.labels(), false, n == ts.length ? ts : java.util.Arrays.copyOf(ts, n),
                            n == v.length ? v : java.util.Arrays.copyOf(v, n)));
                    total += n;
                }
            }
            countSamples(total);
        }
        return new Val.Range(out, refs, range, stepTimesFor(vs.at().isPresent()));
    }

    private Val.Range subquery(Subquery sq) {
        long offset = sq.offset().millis();
        long range = sq.range().millis();
        long step = sq.step().isZero() ? opts.subqueryStepMillis() : sq.step().millis();
        long[] refs = new long[times.length];
        long base;
        long parentEnd;
        if (sq.at().isPresent()) {
            base = atTime(sq.at().get());
            parentEnd = base;
            java.util.Arrays.fill(refs, base - offset);
        } else {
            base = start;
            parentEnd = times.length == 0 ? end : times[times.length - 1];
            for (int i = 0; i < times.length; i++) {
                refs[i] = times[i] - offset;
            }
        }
        long subEnd = parentEnd - offset;
        long from = base - offset - range;
        long subStart = step * (from / step);
        if (subStart <= from) {
            subStart += step;
        }
        long s0 = start;
        long e0 = end;
        long i0 = interval;
        long[] t0 = times;
        Vec[] inner;
        long[] innerTimes;
        try {
            setRange(subStart, subEnd, step);
            innerTimes = times;
            inner = times.length == 0 ? new Vec[0] : vectors(sq.expr());
        } finally {
            start = s0;
            end = e0;
            interval = i0;
            times = t0;
        }
        List<RSeries> series = assemble(inner, innerTimes, true);
        return new Val.Range(series, refs, range, stepTimesFor(sq.at().isPresent()));
    }

    /** Turns per-step vectors into series (first-appearance order); duplicate labels at one step are an error. */
    static List<RSeries> assemble(Vec[] steps, long[] times, boolean checkDuplicates) {
        Map<Labels, SeriesBuilder> map = new LinkedHashMap<>();
        for (int i = 0; i < steps.length; i++) {
            for (Sample s : steps[i]) {
                SeriesBuilder b = map.computeIfAbsent(s.metric(), k -> new SeriesBuilder(s.dropName()));
                if (b.n > 0 && b.ts[b.n - 1] == times[i]) {
                    if (checkDuplicates) {
                        throw new EvalException("vector cannot contain metrics with the same labelset");
                    }
                    continue;
                }
                b.add(times[i], s.f());
            }
        }
        List<RSeries> out = new ArrayList<>(map.size());
        for (Map.Entry<Labels, SeriesBuilder> e : map.entrySet()) {
            SeriesBuilder b = e.getValue();
            out.add(new RSeries(e.getKey(), b.dropName, java.util.Arrays.copyOf(b.ts, b.n),
                    java.util.Arrays.copyOf(b.vs, b.n)));
        }
        return out;
    }

    static final class SeriesBuilder {
        final boolean dropName;
        long[] ts = new long[8];
        double[] vs = new double[8];
        int n;

        SeriesBuilder(boolean dropName) {
            this.dropName = dropName;
        }

        void add(long t, double v) {
            if (n == ts.length) {
                ts = java.util.Arrays.copyOf(ts, n * 2);
                vs = java.util.Arrays.copyOf(vs, n * 2);
            }
            ts[n] = t;
            vs[n] = v;
            n++;
        }
    }

    // ---------------------------------------------------------------- literals, parens, unary

    @Override
    public Val visit(NumberLiteral e) {
        double[] v = new double[times.length];
        java.util.Arrays.fill(v, e.value());
        return new Val.Scalars(v);
    }

    @Override
    public Val visit(StringLiteral e) {
        return new Val.Str(e.value());
    }

    @Override
    public Val visit(VectorParen e) {
        return eval(e.expr());
    }

    @Override
    public Val visit(ScalarParen e) {
        return eval(e.expr());
    }

    @Override
    public Val visit(StringParen e) {
        return eval(e.expr());
    }

    @Override
    public Val visit(ScalarUnary e) {
        double[] v = scalars(e.expr()).clone();
        if (e.op() == UnaryOp.MINUS) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
        return new Val.Scalars(v);
    }

    @Override
    public Val visit(VectorUnary e) {
        Vec[] in = vectors(e.expr());
        if (e.op() != UnaryOp.MINUS) {
            return new Val.Vectors(in);
        }
        Vec[] out = newSteps();
        for (int i = 0; i < in.length; i++) {
            for (Sample s : in[i]) {
                out[i].add(new Sample(s.metric(), -s.f(), s.t(), true));
            }
        }
        return new Val.Vectors(out);
    }

    // ---------------------------------------------------------------- binary operators

    @Override
    public Val visit(ScalarBinary e) {
        double[] l = scalars(e.lhs());
        double[] r = scalars(e.rhs());
        double[] out = new double[times.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = BinaryOps.scalar(e.op(), l[i], r[i]);
        }
        return new Val.Scalars(out);
    }

    @Override
    public Val visit(VectorBinary e) {
        boolean lv = e.lhs().type() == ValueType.VECTOR;
        boolean rv = e.rhs().type() == ValueType.VECTOR;
        if (lv && rv) {
            Vec[] l = vectors(e.lhs());
            Vec[] r = vectors(e.rhs());
            BinaryOps.VectorMatcher vm = new BinaryOps.VectorMatcher(e.matching());
            Vec[] out = newSteps();
            for (int i = 0; i < out.length; i++) {
                if (e.op().isSetOperator()) {
                    vm.set(e.op(), l[i], r[i], out[i]);
                } else {
                    vm.binop(e.op(), l[i], r[i], e.returnBool(), out[i]);
                }
                checkDuplicates(out[i]);
            }
            return new Val.Vectors(out);
        }
        Vec[] vec = vectors(lv ? e.lhs() : e.rhs());
        double[] sc = scalars(lv ? e.rhs() : e.lhs());
        boolean swap = !lv;
        Vec[] out = newSteps();
        BinaryOp op = e.op();
        for (int i = 0; i < out.length; i++) {
            for (Sample s : vec[i]) {
                double lf = swap ? sc[i] : s.f();
                double rf = swap ? s.f() : sc[i];
                double value;
                boolean keep;
                if (op.isComparison()) {
                    keep = BinaryOps.compare(op, lf, rf);
                    value = s.f();
                } else {
                    keep = true;
                    value = BinaryOps.arith(op, lf, rf);
                }
                if (e.returnBool()) {
                    value = keep ? 1 : 0;
                    keep = true;
                }
                if (keep) {
                    boolean drop = s.dropName() || e.returnBool() || !op.isComparison();
                    out[i].add(new Sample(s.metric(), value, s.t(), drop));
                }
            }
            checkDuplicates(out[i]);
        }
        return new Val.Vectors(out);
    }

    /** Prometheus checks each step of a range evaluation for duplicate output label sets. */
    void checkDuplicates(Vec v) {
        if (start == end || v.size() < 2) {
            return;
        }
        java.util.Set<Labels> seen = new java.util.HashSet<>(v.size() * 2);
        for (Sample s : v) {
            if (!seen.add(s.metric())) {
                throw new EvalException("vector cannot contain metrics with the same labelset");
            }
        }
    }

    // ---------------------------------------------------------------- functions and aggregations

    @Override
    public Val visit(VectorCall e) {
        return Functions.call(this, e, e.function().name(), e.args());
    }

    @Override
    public Val visit(ScalarCall e) {
        String name = e.function().name();
        double[] out = new double[times.length];
        switch (name) {
            case "time" -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = times[i] / 1000.0;
                }
            }
            case "pi" -> java.util.Arrays.fill(out, Math.PI);
            case "start" -> java.util.Arrays.fill(out, queryStart / 1000.0);
            case "end" -> java.util.Arrays.fill(out, queryEnd / 1000.0);
            case "range" -> java.util.Arrays.fill(out, (queryEnd - queryStart) / 1000.0);
            case "step" -> java.util.Arrays.fill(out, queryStart == queryEnd ? 0 : queryStep / 1000.0);
            case "max_of", "min_of" -> {
                double[] a = scalars(e.args().get(0));
                double[] b = scalars(e.args().get(1));
                for (int i = 0; i < out.length; i++) {
                    out[i] = name.equals("max_of") ? Functions.goMax(a[i], b[i]) : Functions.goMin(a[i], b[i]);
                }
            }
            case "scalar" -> {
                Vec[] in = vectors(e.args().get(0));
                for (int i = 0; i < out.length; i++) {
                    out[i] = in[i].size() == 1 ? in[i].get(0).f() : Double.NaN;
                }
            }
            default -> throw new EvalException("unknown scalar function " + name);
        }
        return new Val.Scalars(out);
    }

    @Override
    public Val visit(Aggregation e) {
        return Aggregations.eval(this, e);
    }

    // ---------------------------------------------------------------- results

    /** Applies delayed name removal to one step's vector; duplicate label sets are an error. */
    static Vec cleanup(Vec v) {
        Vec out = new Vec(v.size());
        java.util.Set<Labels> seen = new java.util.HashSet<>(v.size() * 2);
        for (Sample s : v) {
            Labels l = s.dropName() ? dropName(s.metric()) : s.metric();
            if (!seen.add(l)) {
                throw new EvalException("vector cannot contain metrics with the same labelset");
            }
            out.add(s.dropName() ? new Sample(l, s.f(), s.t(), false) : s);
        }
        return out;
    }

    /** Removes the metric name and the other metadata labels ({@code __type__}, {@code __unit__}), as Prometheus. */
    static Labels dropName(Labels l) {
        if (!l.has(Names.METRIC_NAME_LABEL) && !l.has("__type__") && !l.has("__unit__")) {
            return l;
        }
        return l.without(Names.METRIC_NAME_LABEL, "__type__", "__unit__");
    }

    /** @return the labels of {@code absent()}/{@code absent_over_time()} for a selector argument. */
    static Labels absentLabels(Expr arg) {
        VectorSelector vs;
        if (arg instanceof VectorSelector v) {
            vs = v;
        } else if (arg instanceof MatrixSelector m) {
            vs = m.selector();
        } else {
            return Labels.empty();
        }
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, Boolean> has = new HashMap<>();
        for (io.monitoringkit.promql.LabelMatcher lm : vs.matchers()) {
            if (lm.name().equals(Names.METRIC_NAME_LABEL)) {
                continue;
            }
            if (lm.op() == io.monitoringkit.promql.MatchOp.EQUAL && !has.containsKey(lm.name())) {
                m.put(lm.name(), lm.value());
                has.put(lm.name(), true);
            } else {
                m.remove(lm.name());
            }
        }
        return Labels.from(m);
    }
}
