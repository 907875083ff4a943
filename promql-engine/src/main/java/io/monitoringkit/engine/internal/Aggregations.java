package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.AggregateOp;
import io.monitoringkit.promql.Aggregation;
import io.monitoringkit.promql.Grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Aggregation operators with Prometheus' numeric methods (Kahan sums, Welford variance, heap-based topk). */
final class Aggregations {
    private Aggregations() {
    }

    /** The group of one input label set: its key, a dense id, and output labels. */
    private record Group(String key, int id, Labels labels) {
    }

    private static final class Grouper {
        private final boolean without;
        private final Set<String> names;
        private final Map<Labels, Group> cache = new IdentityHashMap<>();
        private final Map<String, Group> byKey = new HashMap<>();

        Grouper(Grouping g, String extra) {
            this.without = g.kind() == Grouping.Kind.WITHOUT;
            Set<String> n = new HashSet<>(g.labels());
            if (extra != null && !without) {
                n.add(extra);
            }
            if (without) {
                n.add(Names.METRIC_NAME_LABEL);
            }
            this.names = n;
        }

        Group group(Labels l) {
            Group g = cache.get(l);
            if (g == null) {
                Map<String, String> m = new LinkedHashMap<>();
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < l.size(); i++) {
                    if (names.contains(l.name(i)) != without) {
                        m.put(l.name(i), l.value(i));
                        key.append(l.name(i)).append('\u00ff').append(l.value(i)).append('\u00ff');
                    }
                }
                String k = key.toString();
                g = byKey.get(k);
                if (g == null) {
                    g = new Group(k, byKey.size(), Labels.from(m));
                    byKey.put(k, g);
                }
                cache.put(l, g);
            }
            return g;
        }
    }

    static Val eval(Evaluator ev, Aggregation e) {
        AggregateOp op = e.op();
        if (op.experimental() && !ev.opts.experimentalFunctions()) {
            throw new EvalException("limitk() and limit_ratio() are experimental and must be enabled with "
                    + "--enable-feature=promql-experimental-functions");
        }
        if (op == AggregateOp.COUNT_VALUES) {
            return countValues(ev, e);
        }
        double[] param = null;
        if (e.param().isPresent()) {
            param = ev.scalars(e.param().get());
        }
        Vec[] in = ev.vectors(e.expr());
        Vec[] out = ev.newSteps();
        Grouper grouper = new Grouper(e.grouping(), null);
        switch (op) {
            case TOPK, BOTTOMK, LIMITK -> {
                checkK(param);
                for (int i = 0; i < in.length; i++) {
                    topK(op, in[i], param[i], grouper, out[i]);
                }
            }
            case LIMIT_RATIO -> {
                for (double p : param) {
                    if (Double.isNaN(p)) {
                        throw new EvalException("Ratio value is NaN");
                    }
                }
                for (int i = 0; i < in.length; i++) {
                    limitRatio(in[i], param[i], out[i]);
                }
            }
            default -> {
                if (op == AggregateOp.QUANTILE) {
                    Set<Double> bad = new java.util.LinkedHashSet<>();
                    for (double q : param) {
                        if (Double.isNaN(q) || q < 0 || q > 1) {
                            bad.add(q);
                        }
                    }
                    for (double q : bad) {
                        ev.annotations.warn("quantile value should be between 0 and 1, got " + GoFormat.g(q),
                                Evaluator.unwrap(e.param().get()));
                    }
                }
                for (int i = 0; i < in.length; i++) {
                    simple(op, in[i], param == null ? 0 : param[i], grouper, out[i]);
                }
            }
        }
        return new Val.Vectors(out);
    }

    private static void checkK(double[] param) {
        for (double p : param) {
            if (Double.isNaN(p)) {
                throw new EvalException("Parameter value is NaN");
            }
            if (p <= -9.223372036854776E18) {
                throw new EvalException("Scalar value " + GoFormat.v(p) + " underflows int64");
            }
            if (p >= 9.223372036854776E18) {
                throw new EvalException("Scalar value " + GoFormat.v(p) + " overflows int64");
            }
        }
    }

    private static final class Acc {
        final Labels labels;
        double value;
        double mean;
        double c;
        double count;
        boolean incrementalMean;
        boolean dropName;
        double[] values;
        int n;

        Acc(Labels labels) {
            this.labels = labels;
        }
    }

    private static void simple(AggregateOp op, Vec in, double q, Grouper grouper, Vec out) {
        List<Acc> groups = new ArrayList<>();
        Acc[] byId = new Acc[16];
        double[] kc = new double[2];
        for (Sample s : in) {
            Group g = grouper.group(s.metric());
            if (g.id() >= byId.length) {
                byId = Arrays.copyOf(byId, Math.max(byId.length * 2, g.id() + 1));
            }
            Acc a = byId[g.id()];
            double f = s.f();
            if (a == null) {
                a = new Acc(g.labels());
                byId[g.id()] = a;
                groups.add(a);
                a.value = f;
                a.mean = f;
                a.count = 1;
                a.dropName = s.dropName();
                switch (op) {
                    case STDDEV, STDVAR -> a.value = (Double.isNaN(f) || Double.isInfinite(f)) ? Double.NaN : 0;
                    case QUANTILE -> {
                        a.values = new double[8];
                        a.values[0] = f;
                        a.n = 1;
                    }
                    case GROUP -> a.value = 1;
                    default -> {
                    }
                }
                continue;
            }
            if (s.dropName()) {
                a.dropName = true;
            }
            switch (op) {
                case SUM -> {
                    Numeric.kahanInc(f, a.value, a.c, kc);
                    a.value = kc[0];
                    a.c = kc[1];
                }
                case AVG -> {
                    a.count++;
                    if (!a.incrementalMean) {
                        Numeric.kahanInc(f, a.value, a.c, kc);
                        if (!Double.isInfinite(kc[0])) {
                            a.value = kc[0];
                            a.c = kc[1];
                            break;
                        }
                        a.incrementalMean = true;
                        a.mean = a.value / (a.count - 1);
                        a.c /= a.count - 1;
                    }
                    double qq = (a.count - 1) / a.count;
                    Numeric.kahanInc(f / a.count, qq * a.mean, qq * a.c, kc);
                    a.mean = kc[0];
                    a.c = kc[1];
                }
                case MAX -> {
                    if (a.value < f || Double.isNaN(a.value)) {
                        a.value = f;
                    }
                }
                case MIN -> {
                    if (a.value > f || Double.isNaN(a.value)) {
                        a.value = f;
                    }
                }
                case COUNT -> a.count++;
                case STDDEV, STDVAR -> {
                    a.count++;
                    double delta = f - a.mean;
                    a.mean += delta / a.count;
                    a.value += delta * (f - a.mean);
                }
                case QUANTILE -> {
                    if (a.n == a.values.length) {
                        a.values = Arrays.copyOf(a.values, a.n * 2);
                    }
                    a.values[a.n++] = f;
                }
                case GROUP -> {
                }
                default -> throw new IllegalStateException(op.toString());
            }
        }
        for (Acc a : groups) {
            double v = switch (op) {
                case AVG -> a.incrementalMean ? a.mean + a.c : a.value / a.count + a.c / a.count;
                case COUNT -> a.count;
                case STDVAR -> a.value / a.count;
                case STDDEV -> Math.sqrt(a.value / a.count);
                case QUANTILE -> Numeric.quantile(q, a.values, a.n);
                case SUM -> Double.isInfinite(a.value) ? a.value : a.value + a.c;
                default -> a.value;
            };
            out.add(new Sample(a.labels, v, 0, a.dropName));
        }
    }

    /** A binary heap with Go's container/heap algorithms, so that ties resolve as in Prometheus. */
    private static final class Heap {
        final List<Sample> h = new ArrayList<>();
        final boolean reverse;

        Heap(boolean reverse) {
            this.reverse = reverse;
        }

        boolean less(int i, int j) {
            double a = h.get(i).f();
            double b = h.get(j).f();
            if (reverse) {
                if (Double.isNaN(a)) {
                    return true;
                }
                return a > b;
            }
            if (Double.isNaN(a)) {
                return true;
            }
            return a < b;
        }

        void swap(int i, int j) {
            Sample t = h.get(i);
            h.set(i, h.get(j));
            h.set(j, t);
        }

        void push(Sample s) {
            h.add(s);
            up(h.size() - 1);
        }

        void up(int j) {
            while (true) {
                int i = (j - 1) / 2;
                if (i == j || !less(j, i) || j <= 0) {
                    break;
                }
                swap(i, j);
                j = i;
            }
        }

        boolean down(int i0, int n) {
            int i = i0;
            while (true) {
                int j1 = 2 * i + 1;
                if (j1 >= n || j1 < 0) {
                    break;
                }
                int j = j1;
                int j2 = j1 + 1;
                if (j2 < n && less(j2, j1)) {
                    j = j2;
                }
                if (!less(j, i)) {
                    break;
                }
                swap(i, j);
                i = j;
            }
            return i > i0;
        }

        void fix(int i) {
            if (!down(i, h.size())) {
                up(i);
            }
        }
    }

    private static void topK(AggregateOp op, Vec in, double param, Grouper grouper, Vec out) {
        long k = Math.min((long) param, in.size());
        if (k < 1) {
            return;
        }
        Map<String, Heap> groups = new LinkedHashMap<>();
        for (Sample s : in) {
            Group g = grouper.group(s.metric());
            Heap heap = groups.get(g.key());
            if (heap == null) {
                heap = new Heap(op == AggregateOp.BOTTOMK);
                groups.put(g.key(), heap);
                heap.push(s);
                continue;
            }
            switch (op) {
                case TOPK -> {
                    if (heap.h.size() < k) {
                        heap.push(s);
                    } else if (heap.h.get(0).f() < s.f() || (Double.isNaN(heap.h.get(0).f()) && !Double.isNaN(s.f()))) {
                        heap.h.set(0, s);
                        if (k > 1) {
                            heap.fix(0);
                        }
                    }
                }
                case BOTTOMK -> {
                    if (heap.h.size() < k) {
                        heap.push(s);
                    } else if (heap.h.get(0).f() > s.f() || (Double.isNaN(heap.h.get(0).f()) && !Double.isNaN(s.f()))) {
                        heap.h.set(0, s);
                        if (k > 1) {
                            heap.fix(0);
                        }
                    }
                }
                case LIMITK -> {
                    if (heap.h.size() < k) {
                        heap.h.add(s);
                    }
                }
                default -> throw new IllegalStateException(op.toString());
            }
        }
        for (Heap heap : groups.values()) {
            List<Sample> l = new ArrayList<>(heap.h);
            if (op == AggregateOp.TOPK) {
                // descending by value, NaN last
                l.sort((a, b) -> Numeric.lessNaNFirst(a.f(), b.f()) ? 1 : Numeric.lessNaNFirst(b.f(), a.f()) ? -1 : 0);
            } else if (op == AggregateOp.BOTTOMK) {
                l.sort((a, b) -> less(a.f(), b.f()) ? 1 : less(b.f(), a.f()) ? -1 : 0);
            }
            for (Sample s : l) {
                out.add(new Sample(s.metric(), s.f(), 0, s.dropName()));
            }
        }
    }

    /** Reverse heap order: NaN first, then descending; bottomk output is the reverse of that. */
    private static boolean less(double a, double b) {
        if (Double.isNaN(a)) {
            return true;
        }
        return a > b;
    }

    private static void limitRatio(Vec in, double ratio, Vec out) {
        if (ratio == 0) {
            return;
        }
        double r = Math.max(-1, Math.min(1, ratio));
        for (Sample s : in) {
            double offset = ratioOffset(s.metric());
            boolean add = r >= 0 ? offset < r : offset >= 1 + r;
            if (add) {
                out.add(s);
            }
        }
    }

    /** Prometheus' per-series offset in [0, 1]: the label-set hash (XXH64) over the largest uint64. */
    static double ratioOffset(Labels l) {
        double h = Double.parseDouble(Long.toUnsignedString(XxHash64.labelsHash(l)));
        return h / 1.8446744073709552E19;
    }

    private static Val countValues(Evaluator ev, Aggregation e) {
        String label = Evaluator.string(e.param().get());
        if (!Names.isUtf8Name(label)) {
            throw new EvalException("invalid label name " + io.monitoringkit.model.GoStrings.quote(label));
        }
        Vec[] in = ev.vectors(e.expr());
        Vec[] out = ev.newSteps();
        Grouper grouper = new Grouper(e.grouping(), label);
        for (int i = 0; i < in.length; i++) {
            Map<String, double[]> counts = new LinkedHashMap<>();
            Map<String, Labels> labels = new HashMap<>();
            for (Sample s : in[i]) {
                Labels m = s.metric().with(label, Numeric.formatFloatF(s.f()));
                Group g = grouper.group(m);
                double[] c = counts.get(g.key());
                if (c == null) {
                    counts.put(g.key(), new double[] {1});
                    labels.put(g.key(), g.labels());
                } else {
                    c[0]++;
                }
            }
            for (Map.Entry<String, double[]> en : counts.entrySet()) {
                out[i].add(new Sample(labels.get(en.getKey()), en.getValue()[0], 0, false));
            }
            ev.checkDuplicates(out[i]);
        }
        return new Val.Vectors(out);
    }
}
