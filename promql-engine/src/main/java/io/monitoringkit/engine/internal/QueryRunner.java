package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ValueType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs instant and range queries over a {@link SeriesStore}. */
public final class QueryRunner {
    private QueryRunner() {
    }

    /** Evaluates {@code expr} at {@code t} (milliseconds). */
    public static EvalResult instant(SeriesStore store, EngineOptions opts, Expr expr, long t) {
        store.lock().readLock().lock();
        try {
            Evaluator ev = new Evaluator(store, opts, t, t, 1);
            Val v = ev.eval(expr);
            Annotations a = ev.annotations;
            if (v instanceof Val.Vectors vv) {
                Vec vec = Evaluator.cleanup(vv.steps()[0]);
                List<EvalResult.Point> pts = new ArrayList<>(vec.size());
                for (Sample s : vec) {
                    pts.add(new EvalResult.Point(s.metric(), t, s.f()));
                }
                return new EvalResult.VectorResult(pts, a);
            }
            if (v instanceof Val.Scalars sv) {
                return new EvalResult.ScalarResult(t, sv.v()[0], a);
            }
            if (v instanceof Val.Str str) {
                return new EvalResult.StringResult(t, str.s(), a);
            }
            Val.Range r = (Val.Range) v;
            long refEnd = r.refs()[0];
            long refStart = refEnd - r.range();
            Map<Labels, EvalResult.SeriesPoints> out = new LinkedHashMap<>();
            for (RSeries s : r.series()) {
                int lo = s.firstAfter(refStart);
                int hi = s.firstAfter(refEnd);
                if (lo >= hi) {
                    continue;
                }
                Labels l = s.dropName() ? Evaluator.dropName(s.metric()) : s.metric();
                if (out.containsKey(l)) {
                    throw new EvalException("vector cannot contain metrics with the same labelset");
                }
                out.put(l, new EvalResult.SeriesPoints(l, Arrays.copyOfRange(s.ts(), lo, hi),
                        Arrays.copyOfRange(s.vs(), lo, hi)));
            }
            return new EvalResult.MatrixResult(new ArrayList<>(out.values()), a);
        } finally {
            store.lock().readLock().unlock();
        }
    }

    /** Evaluates {@code expr} at every step from {@code start} to {@code end} (milliseconds). */
    public static EvalResult range(SeriesStore store, EngineOptions opts, Expr expr, long start, long end, long step) {
        if (step <= 0) {
            throw new EvalException("zero or negative query resolution step widths are not accepted. "
                    + "Try a positive integer");
        }
        if (end < start) {
            throw new EvalException("end timestamp must not be before start time");
        }
        if ((end - start) / step > 11_000) {
            throw new EvalException("exceeded maximum resolution of 11,000 points per timeseries. "
                    + "Try decreasing the query resolution (?step=XX)");
        }
        if (expr.type() != ValueType.VECTOR && expr.type() != ValueType.SCALAR) {
            throw new EvalException("invalid expression type \"" + expr.type().promqlName()
                    + "\" for range query, must be Scalar or instant Vector");
        }
        store.lock().readLock().lock();
        try {
            Evaluator ev = new Evaluator(store, opts, start, end, step);
            Val v = ev.eval(expr);
            long[] times = ev.times;
            if (v instanceof Val.Scalars sv) {
                return new EvalResult.MatrixResult(List.of(new EvalResult.SeriesPoints(Labels.empty(), times.clone(),
                        sv.v().clone())), ev.annotations);
            }
            Vec[] steps = ((Val.Vectors) v).steps();
            Map<Labels, Evaluator.SeriesBuilder> map = new LinkedHashMap<>();
            for (int i = 0; i < steps.length; i++) {
                for (Sample s : steps[i]) {
                    Labels l = s.dropName() ? Evaluator.dropName(s.metric()) : s.metric();
                    Evaluator.SeriesBuilder b = map.computeIfAbsent(l, k -> new Evaluator.SeriesBuilder(false));
                    if (b.n > 0 && b.ts[b.n - 1] == times[i]) {
                        throw new EvalException("vector cannot contain metrics with the same labelset");
                    }
                    b.add(times[i], s.f());
                }
            }
            List<EvalResult.SeriesPoints> out = new ArrayList<>(map.size());
            for (Map.Entry<Labels, Evaluator.SeriesBuilder> e : map.entrySet()) {
                Evaluator.SeriesBuilder b = e.getValue();
                out.add(new EvalResult.SeriesPoints(e.getKey(), Arrays.copyOf(b.ts, b.n), Arrays.copyOf(b.vs, b.n)));
            }
            out.sort(Comparator.comparing(EvalResult.SeriesPoints::metric));
            return new EvalResult.MatrixResult(out, ev.annotations);
        } finally {
            store.lock().readLock().unlock();
        }
    }
}
