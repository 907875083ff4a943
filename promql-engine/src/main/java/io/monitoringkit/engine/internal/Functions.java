package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.PromFunction;
import io.monitoringkit.promql.ValueType;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.promql.VectorParen;
import io.monitoringkit.promql.internal.Re2;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PromQL functions returning instant vectors, with Prometheus' exact numeric behaviour. */
final class Functions {
    private Functions() {
    }

    /** Marks "no output for this series at this step" (distinct from a NaN result). */
    private static final double NONE = Double.longBitsToDouble(0x7ff0000000000bbbL);

    private static boolean isNone(double v) {
        return Double.doubleToRawLongBits(v) == 0x7ff0000000000bbbL;
    }

    private static final double LN2 = 0.693147180559945309417232121458176568;
    private static final double LN10 = 2.30258509299404568401799145468436421;
    private static final Map<String, DoubleUnaryOperator> MATH = new HashMap<>();

    static {
        MATH.put("abs", Math::abs);
        MATH.put("ceil", Math::ceil);
        MATH.put("floor", Math::floor);
        MATH.put("exp", Math::exp);
        MATH.put("sqrt", Math::sqrt);
        MATH.put("ln", Math::log);
        MATH.put("log2", Functions::log2);
        MATH.put("log10", v -> Math.log(v) * (1 / LN10));
        MATH.put("sin", Math::sin);
        MATH.put("cos", Math::cos);
        MATH.put("tan", Math::tan);
        MATH.put("asin", Math::asin);
        MATH.put("acos", Math::acos);
        MATH.put("atan", Math::atan);
        MATH.put("sinh", Math::sinh);
        MATH.put("cosh", Math::cosh);
        MATH.put("tanh", Math::tanh);
        MATH.put("asinh", Functions::asinh);
        MATH.put("acosh", Functions::acosh);
        MATH.put("atanh", Functions::atanh);
        MATH.put("rad", v -> v * Math.PI / 180);
        MATH.put("deg", v -> v * 180 / Math.PI);
        MATH.put("sgn", v -> v < 0 ? -1 : v > 0 ? 1 : v);
    }

    /** Go's math.Log2: exact for powers of two. */
    static double log2(double x) {
        if (x <= 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return Math.log(x) * (1 / LN2);
        }
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {
            x *= 0x1p52;
            e = Math.getExponent(x) - 52;
            double frac = Math.scalb(x, -(Math.getExponent(x) + 1));
            int exp = e + 1;
            return frac == 0.5 ? exp - 1 : Math.log(frac) * (1 / LN2) + exp;
        }
        double frac = Math.scalb(x, -(e + 1));
        int exp = e + 1;
        if (frac == 0.5) {
            return exp - 1;
        }
        return Math.log(frac) * (1 / LN2) + exp;
    }

    private static double asinh(double x) {
        if (Double.isInfinite(x) || Double.isNaN(x) || x == 0) {
            return x;
        }
        double a = Math.abs(x);
        double r = Math.log(a + Math.sqrt(a * a + 1));
        if (a > 1e8) {
            r = Math.log(a) + Math.log(2);
        }
        return x < 0 ? -r : r;
    }

    private static double acosh(double x) {
        if (x < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return 0;
        }
        if (x >= 1 << 28) {
            return Math.log(x) + Math.log(2);
        }
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    private static double atanh(double x) {
        if (x < -1 || x > 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == 0) {
            return x;
        }
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }

    static Val call(Evaluator ev, Expr node, String name, List<Expr> rawArgs) {
        List<Expr> args = new ArrayList<>(rawArgs.size());
        for (Expr a : rawArgs) {
            args.add(Evaluator.unwrap(a));
        }
        PromFunction f = io.monitoringkit.promql.Functions.get(name);
        if (f.experimental() && !ev.opts.experimentalFunctions()) {
            throw new EvalException("function \"" + name + "\" is not enabled");
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).type() == ValueType.MATRIX) {
                return rangeFunction(ev, name, args, i);
            }
        }
        DoubleUnaryOperator math = MATH.get(name);
        if (math != null) {
            return map(ev, ev.vectors(args.get(0)), math);
        }
        return switch (name) {
            case "vector" -> {
                double[] s = ev.scalars(args.get(0));
                Vec[] out = ev.newSteps();
                for (int i = 0; i < out.length; i++) {
                    out[i].add(new Sample(Labels.empty(), s[i], 0, false));
                }
                yield new Val.Vectors(out);
            }
            case "absent" -> {
                Vec[] in = ev.vectors(args.get(0));
                Labels l = Evaluator.absentLabels(args.get(0));
                Vec[] out = ev.newSteps();
                for (int i = 0; i < out.length; i++) {
                    if (in[i].isEmpty()) {
                        out[i].add(new Sample(l, 1, 0, false));
                    }
                }
                yield new Val.Vectors(out);
            }
            case "timestamp" -> {
                Expr a = args.get(0);
                boolean selector = a instanceof VectorSelector;
                Vec[] in = selector ? ev.selectVector((VectorSelector) a, true) : ev.vectors(a);
                Vec[] out = ev.newSteps();
                for (int i = 0; i < out.length; i++) {
                    for (Sample s : in[i]) {
                        out[i].add(new Sample(s.metric(), (selector ? s.t() : ev.times[i]) / 1000.0, 0, true));
                    }
                }
                yield new Val.Vectors(out);
            }
            case "clamp", "clamp_min", "clamp_max" -> {
                Vec[] in = ev.vectors(args.get(0));
                double[] lo = name.equals("clamp_max") ? null : ev.scalars(args.get(1));
                double[] hi = name.equals("clamp_min") ? null : ev.scalars(args.get(name.equals("clamp") ? 2 : 1));
                Vec[] out = ev.newSteps();
                for (int i = 0; i < out.length; i++) {
                    double min = lo == null ? Double.NEGATIVE_INFINITY : lo[i];
                    double max = hi == null ? Double.POSITIVE_INFINITY : hi[i];
                    if (max < min) {
                        continue;
                    }
                    for (Sample s : in[i]) {
                        out[i].add(new Sample(s.metric(), goMax(min, goMin(max, s.f())), 0, true));
                    }
                }
                yield new Val.Vectors(out);
            }
            case "round" -> {
                Vec[] in = ev.vectors(args.get(0));
                double[] to = args.size() > 1 ? ev.scalars(args.get(1)) : null;
                Vec[] out = ev.newSteps();
                for (int i = 0; i < out.length; i++) {
                    double inv = 1.0 / (to == null ? 1 : to[i]);
                    for (Sample s : in[i]) {
                        out[i].add(new Sample(s.metric(), Math.floor(s.f() * inv + 0.5) / inv, 0, true));
                    }
                }
                yield new Val.Vectors(out);
            }
            case "sort", "sort_desc" -> {
                if (ev.start != ev.end) {
                    ev.annotations.warn("sort is ineffective for range queries since results are always ordered by "
                            + "labels", node);
                }
                Vec[] in = ev.vectors(args.get(0));
                boolean desc = name.equals("sort_desc");
                for (Vec v : in) {
                    if (desc) {
                        v.sort((a, b) -> Numeric.lessNaNFirst(a.f(), b.f()) ? 1
                                : Numeric.lessNaNFirst(b.f(), a.f()) ? -1 : 0);
                    } else {
                        v.sort((a, b) -> reverseLess(a.f(), b.f()) ? 1 : reverseLess(b.f(), a.f()) ? -1 : 0);
                    }
                }
                yield new Val.Vectors(in);
            }
            case "sort_by_label", "sort_by_label_desc" -> {
                if (ev.start != ev.end) {
                    ev.annotations.warn("sort is ineffective for range queries since results are always ordered by "
                            + "labels", node);
                }
                Vec[] in = ev.vectors(args.get(0));
                List<String> names = new ArrayList<>();
                for (int i = 1; i < args.size(); i++) {
                    names.add(Evaluator.string(args.get(i)));
                }
                boolean desc = name.endsWith("_desc");
                for (Vec v : in) {
                    v.sort((a, b) -> {
                        for (String l : names) {
                            String x = a.metric().getOrEmpty(l);
                            String y = b.metric().getOrEmpty(l);
                            if (x.equals(y)) {
                                continue;
                            }
                            int c = NatSort.less(x, y) ? -1 : 1;
                            return desc ? -c : c;
                        }
                        int c = a.metric().compareTo(b.metric());
                        return desc ? -c : c;
                    });
                }
                yield new Val.Vectors(in);
            }
            case "label_replace" -> labelReplace(ev, args);
            case "label_join" -> labelJoin(ev, args);
            case "histogram_quantile" -> histogramQuantile(ev, args);
            case "histogram_fraction" -> histogramFraction(ev, args);
            case "histogram_quantiles" -> histogramQuantiles(ev, args);
            case "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar" -> {
                // these read native histograms only; float samples produce nothing
                ev.vectors(args.get(0));
                yield new Val.Vectors(ev.newSteps());
            }
            case "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year" ->
                    date(ev, name, args);
            default -> throw new EvalException("function \"" + name + "\" is not supported by promql-engine"
                    + " (native histograms and info() are out of scope)");
        };
    }

    static double goMax(double a, double b) {
        if (Double.isInfinite(a) && a > 0 || Double.isInfinite(b) && b > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return Math.max(a, b);
    }

    static double goMin(double a, double b) {
        if (Double.isInfinite(a) && a < 0 || Double.isInfinite(b) && b < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return Math.min(a, b);
    }

    /** vectorByReverseValueHeap's Less: NaN first, then descending. */
    private static boolean reverseLess(double a, double b) {
        if (Double.isNaN(a)) {
            return true;
        }
        return a > b;
    }

    private static Val map(Evaluator ev, Vec[] in, DoubleUnaryOperator f) {
        Vec[] out = ev.newSteps();
        for (int i = 0; i < out.length; i++) {
            for (Sample s : in[i]) {
                out[i].add(new Sample(s.metric(), f.applyAsDouble(s.f()), 0, true));
            }
        }
        return new Val.Vectors(out);
    }

    private static Val date(Evaluator ev, String name, List<Expr> args) {
        Vec[] out = ev.newSteps();
        if (args.isEmpty()) {
            for (int i = 0; i < out.length; i++) {
                out[i].add(new Sample(Labels.empty(), dateField(name, Math.floorDiv(ev.times[i], 1000L)), 0, false));
            }
            return new Val.Vectors(out);
        }
        Vec[] in = ev.vectors(args.get(0));
        for (int i = 0; i < out.length; i++) {
            for (Sample s : in[i]) {
                out[i].add(new Sample(s.metric(), dateField(name, goInt64(s.f())), 0, true));
            }
        }
        return new Val.Vectors(out);
    }

    /** Go's float64 to int64 conversion (saturating like amd64 for out-of-range: min int64). */
    private static long goInt64(double f) {
        if (Double.isNaN(f) || f >= 9.223372036854775807E18 || f < -9.223372036854775808E18) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    private static double dateField(String name, long epochSecond) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC);
        return switch (name) {
            case "day_of_month" -> t.getDayOfMonth();
            case "day_of_week" -> t.getDayOfWeek().getValue() % 7;
            case "day_of_year" -> t.getDayOfYear();
            case "days_in_month" -> t.toLocalDate().lengthOfMonth();
            case "hour" -> t.getHour();
            case "minute" -> t.getMinute();
            case "month" -> t.getMonthValue();
            case "year" -> t.getYear();
            default -> throw new IllegalStateException(name);
        };
    }

    // ---------------------------------------------------------------- label_replace / label_join

    private static Val labelReplace(Evaluator ev, List<Expr> args) {
        String dst = Evaluator.string(args.get(1));
        String repl = Evaluator.string(args.get(2));
        String src = Evaluator.string(args.get(3));
        String regex = Evaluator.string(args.get(4));
        Pattern p;
        if (Re2.check(regex).isPresent()) {
            throw new EvalException("invalid regular expression in label_replace(): " + regex);
        }
        p = Re2.compileAnchored(regex);
        if (!Names.isUtf8Name(dst)) {
            throw new EvalException("invalid destination label name in label_replace(): " + dst);
        }
        Vec[] in = ev.vectors(args.get(0));
        Vec[] out = ev.newSteps();
        Map<Labels, Labels> cache = new java.util.IdentityHashMap<>();
        for (int i = 0; i < in.length; i++) {
            for (Sample s : in[i]) {
                String sv = s.metric().getOrEmpty(src);
                Matcher m = p.matcher(sv);
                if (!m.matches()) {
                    out[i].add(s);
                    continue;
                }
                Labels l = cache.computeIfAbsent(s.metric(), k -> k.with(dst, expand(repl, m)));
                boolean drop = !dst.equals(Names.METRIC_NAME_LABEL) && s.dropName();
                out[i].add(new Sample(l, s.f(), s.t(), drop));
            }
            mergeCheck(out[i]);
        }
        return new Val.Vectors(out);
    }

    /** label_replace/label_join merge series that became equal; the same labels twice at one step is an error. */
    private static void mergeCheck(Vec v) {
        if (v.size() < 2) {
            return;
        }
        java.util.Set<Labels> seen = new java.util.HashSet<>();
        for (Sample s : v) {
            if (!seen.add(s.metric())) {
                throw new EvalException("vector cannot contain metrics with the same labelset");
            }
        }
    }

    /** Go's regexp Expand: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
    static String expand(String template, Matcher m) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                sb.append(c);
                i++;
                continue;
            }
            char n = template.charAt(i + 1);
            if (n == '$') {
                sb.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (n == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    sb.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                next = close + 1;
                if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                    sb.append(c);
                    i++;
                    continue;
                }
            } else {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j))
                        || template.charAt(j) == '_')) {
                    j++;
                }
                if (j == i + 1) {
                    sb.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 1, j);
                next = j;
            }
            sb.append(group(m, name));
            i = next;
        }
        return sb.toString();
    }

    private static String group(Matcher m, String name) {
        boolean numeric = name.chars().allMatch(Character::isDigit);
        if (numeric) {
            try {
                int g = Integer.parseInt(name);
                if (g <= m.groupCount()) {
                    String v = m.group(g);
                    return v == null ? "" : v;
                }
            } catch (NumberFormatException e) {
                return "";
            }
            return "";
        }
        try {
            String v = m.group(name);
            return v == null ? "" : v;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Val labelJoin(Evaluator ev, List<Expr> args) {
        String dst = Evaluator.string(args.get(1));
        String sep = Evaluator.string(args.get(2));
        List<String> srcs = new ArrayList<>();
        for (int i = 3; i < args.size(); i++) {
            String s = Evaluator.string(args.get(i));
            if (!Names.isUtf8Name(s)) {
                throw new EvalException("invalid source label name in label_join(): " + s);
            }
            srcs.add(s);
        }
        if (!Names.isUtf8Name(dst)) {
            throw new EvalException("invalid destination label name in label_join(): " + dst);
        }
        Vec[] in = ev.vectors(args.get(0));
        Vec[] out = ev.newSteps();
        Map<Labels, Labels> cache = new java.util.IdentityHashMap<>();
        for (int i = 0; i < in.length; i++) {
            for (Sample s : in[i]) {
                Labels l = cache.computeIfAbsent(s.metric(), k -> {
                    List<String> vals = new ArrayList<>();
                    for (String src : srcs) {
                        vals.add(k.getOrEmpty(src));
                    }
                    return k.with(dst, String.join(sep, vals));
                });
                boolean drop = !dst.equals(Names.METRIC_NAME_LABEL) && s.dropName();
                out[i].add(new Sample(l, s.f(), s.t(), drop));
            }
            mergeCheck(out[i]);
        }
        return new Val.Vectors(out);
    }

    // ---------------------------------------------------------------- classic histograms

    private static final class BucketGroup {
        final Labels labels;
        final Buckets buckets = new Buckets();

        BucketGroup(Labels labels) {
            this.labels = labels;
        }
    }

    private static Map<String, BucketGroup> groupBuckets(Evaluator ev, Vec v, Map<Labels, Object[]> cache,
                                                         Expr arg) {
        Map<String, BucketGroup> groups = new LinkedHashMap<>();
        for (Sample s : v) {
            Object[] c = cache.get(s.metric());
            if (c == null) {
                String le = s.metric().getOrEmpty("le");
                double ub;
                try {
                    ub = le.isEmpty() ? Double.NaN : SeriesNotation.parseNumber(le.trim());
                    if (le.isEmpty()) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    String name = s.metric().getOrEmpty(Names.METRIC_NAME_LABEL);
                    ev.annotations.warn("bucket label \"le\" is missing or has a malformed value of \""
                            + le + "\"" + (name.isEmpty() ? "" : " for metric name \"" + name + "\""), arg);
                    cache.put(s.metric(), new Object[] {null, null});
                    continue;
                }
                Labels without = s.metric().without("le", Names.METRIC_NAME_LABEL);
                c = new Object[] {without.toString() + "\u00ff" + s.metric().getOrEmpty(Names.METRIC_NAME_LABEL),
                        ub, without};
                cache.put(s.metric(), c);
            }
            if (c[0] == null) {
                continue;
            }
            String key = (String) c[0];
            BucketGroup g = groups.get(key);
            if (g == null) {
                g = new BucketGroup(s.metric().without("le"));
                groups.put(key, g);
            }
            g.buckets.add((Double) c[1], s.f());
        }
        return groups;
    }

    private static Val histogramQuantile(Evaluator ev, List<Expr> args) {
        double[] q = ev.scalars(args.get(0));
        Vec[] in = ev.vectors(args.get(1));
        Vec[] out = ev.newSteps();
        Map<Labels, Object[]> cache = new java.util.IdentityHashMap<>();
        for (int i = 0; i < in.length; i++) {
            if (Double.isNaN(q[i]) || q[i] < 0 || q[i] > 1) {
                ev.annotations.warn("quantile value should be between 0 and 1, got " + GoFormat.g(q[i]), args.get(0));
            }
            for (BucketGroup g : groupBuckets(ev, in[i], cache, args.get(args.size() - 1)).values()) {
                double v = g.buckets.quantile(q[i]);
                if (g.buckets.forcedMonotonic) {
                    ev.annotations.monotonicity(g.labels.getOrEmpty(Names.METRIC_NAME_LABEL), args.get(1),
                            ev.times[i], g.buckets.minBucket, g.buckets.maxBucket, g.buckets.maxDiff);
                }
                out[i].add(new Sample(g.labels, v, 0, true));
            }
        }
        return new Val.Vectors(out);
    }

    private static Val histogramQuantiles(Evaluator ev, List<Expr> args) {
        Vec[] in = ev.vectors(args.get(0));
        String label = Evaluator.string(args.get(1));
        List<double[]> qs = new ArrayList<>();
        for (int i = 2; i < args.size(); i++) {
            qs.add(ev.scalars(args.get(i)));
        }
        Vec[] out = ev.newSteps();
        Map<Labels, Object[]> cache = new java.util.IdentityHashMap<>();
        for (int i = 0; i < in.length; i++) {
            for (int k = 0; k < qs.size(); k++) {
                double[] q = qs.get(k);
                if (Double.isNaN(q[i]) || q[i] < 0 || q[i] > 1) {
                    ev.annotations.warn("quantile value should be between 0 and 1, got " + GoFormat.g(q[i]),
                            args.get(k + 2));
                }
            }
            Map<String, BucketGroup> groups = groupBuckets(ev, in[i], cache, args.get(0));
            for (double[] q : qs) {
                for (BucketGroup g : groups.values()) {
                    Buckets b = g.buckets.copy();
                    double v = b.quantile(q[i]);
                    if (b.forcedMonotonic) {
                        ev.annotations.monotonicity(g.labels.getOrEmpty(Names.METRIC_NAME_LABEL), args.get(0),
                                ev.times[i], b.minBucket, b.maxBucket, b.maxDiff);
                    }
                    out[i].add(new Sample(g.labels.with(label, openMetricsFloat(q[i])), v, 0, true));
                }
            }
        }
        return new Val.Vectors(out);
    }

    /** Prometheus' FormatOpenMetricsFloat: integers get ".0". */
    static String openMetricsFloat(double f) {
        if (f == 1) {
            return "1.0";
        }
        if (f == 0) {
            return "0.0";
        }
        if (f == -1) {
            return "-1.0";
        }
        String g = GoFormat.g(f);
        if (Double.isNaN(f) || Double.isInfinite(f) || g.contains("e") || g.contains(".")) {
            return g;
        }
        return g + ".0";
    }

    private static Val histogramFraction(Evaluator ev, List<Expr> args) {
        double[] lo = ev.scalars(args.get(0));
        double[] hi = ev.scalars(args.get(1));
        Vec[] in = ev.vectors(args.get(2));
        Vec[] out = ev.newSteps();
        Map<Labels, Object[]> cache = new java.util.IdentityHashMap<>();
        for (int i = 0; i < in.length; i++) {
            for (BucketGroup g : groupBuckets(ev, in[i], cache, args.get(args.size() - 1)).values()) {
                out[i].add(new Sample(g.labels, g.buckets.fraction(lo[i], hi[i]), 0, true));
            }
        }
        return new Val.Vectors(out);
    }

    // ---------------------------------------------------------------- range-vector functions

    private static Val rangeFunction(Evaluator ev, String name, List<Expr> args, int matrixIndex) {
        double[][] params = new double[args.size()][];
        for (int i = 0; i < args.size(); i++) {
            if (i != matrixIndex) {
                params[i] = ev.scalars(args.get(i));
            }
        }
        Val.Range rv = ev.range(args.get(matrixIndex));
        Vec[] out = ev.newSteps(rv.series().size());
        int steps = out.length;
        if (name.equals("absent_over_time")) {
            boolean[] present = new boolean[steps];
            for (RSeries s : rv.series()) {
                for (int i = 0; i < steps; i++) {
                    long r = rv.refs()[i];
                    if (s.firstAfter(r - rv.range()) < s.firstAfter(r)) {
                        present[i] = true;
                    }
                }
            }
            Expr a = args.get(matrixIndex);
            Labels l = Evaluator.absentLabels(a);
            for (int i = 0; i < steps; i++) {
                if (!present[i]) {
                    out[i].add(new Sample(l, 1, 0, true));
                }
            }
            return new Val.Vectors(out);
        }
        boolean keepName = name.equals("last_over_time") || name.equals("first_over_time");
        double rangeSeconds = rv.range() / 1000.0;
        boolean counterCheck = name.equals("rate") || name.equals("increase");
        long total = 0;
        double[] scratch = new double[16];
        double[] kc = new double[2];
        for (RSeries s : rv.series()) {
            boolean any = false;
            for (int i = 0; i < steps; i++) {
                long rEnd = rv.refs()[i];
                long rStart = rEnd - rv.range();
                int lo = s.firstAfter(rStart);
                int hi = s.firstAfter(rEnd);
                if (lo >= hi) {
                    continue;
                }
                if (name.equals("quantile_over_time") || name.equals("mad_over_time")) {
                    if (scratch.length < hi - lo) {
                        scratch = new double[hi - lo];
                    }
                }
                double v = compute(ev, name, s.ts(), s.vs(), lo, hi, rStart, rEnd, rangeSeconds, rv.stepTimes()[i],
                        params, i, scratch, kc);
                if (isNone(v)) {
                    continue;
                }
                any = true;
                out[i].add(new Sample(s.metric(), v, 0, !keepName || s.dropName()));
                total++;
            }
            if (counterCheck && any) {
                String metricName = s.metric().getOrEmpty(Names.METRIC_NAME_LABEL);
                if (!metricName.isEmpty() && !metricName.endsWith("_total") && !metricName.endsWith("_sum")
                        && !metricName.endsWith("_count") && !metricName.endsWith("_bucket")) {
                    ev.annotations.info("metric might not be a counter, name does not end in "
                            + "_total/_sum/_count/_bucket: \"" + metricName + "\"", args.get(matrixIndex));
                }
            }
        }
        ev.countSamples(total);
        if (name.equals("quantile_over_time")) {
            java.util.Set<Double> bad = new java.util.LinkedHashSet<>();
            for (double q : params[0]) {
                if (Double.isNaN(q) || q < 0 || q > 1) {
                    bad.add(q);
                }
            }
            if (!rv.series().isEmpty()) {
                for (double q : bad) {
                    ev.annotations.warn("quantile value should be between 0 and 1, got " + GoFormat.g(q), args.get(0));
                }
            }
        }
        return new Val.Vectors(out);
    }

    private static double compute(Evaluator ev, String name, long[] ts, double[] vs, int lo, int hi, long rStart,
                                  long rEnd, double rangeSeconds, long stepTime, double[][] params, int step,
                                  double[] scratch, double[] kc) {
        int n = hi - lo;
        switch (name) {
            case "rate":
                return extrapolatedRate(ts, vs, lo, hi, rStart, rEnd, rangeSeconds, true, true);
            case "increase":
                return extrapolatedRate(ts, vs, lo, hi, rStart, rEnd, rangeSeconds, true, false);
            case "delta":
                return extrapolatedRate(ts, vs, lo, hi, rStart, rEnd, rangeSeconds, false, false);
            case "irate":
            case "idelta": {
                if (n < 2) {
                    return NONE;
                }
                double last = vs[hi - 1];
                double prev = vs[hi - 2];
                long interval = ts[hi - 1] - ts[hi - 2];
                if (interval == 0) {
                    return NONE;
                }
                boolean isRate = name.equals("irate");
                double r = (isRate && last < prev) ? last : last - prev;
                if (isRate) {
                    r /= interval / 1000.0;
                }
                return r;
            }
            case "deriv": {
                if (n < 2) {
                    return NONE;
                }
                return linearRegression(ts, vs, lo, hi, ts[lo])[0];
            }
            case "predict_linear": {
                if (n < 2) {
                    return NONE;
                }
                double[] si = linearRegression(ts, vs, lo, hi, stepTime);
                return si[0] * params[1][step] + si[1];
            }
            case "changes": {
                int c = 0;
                for (int k = lo + 1; k < hi; k++) {
                    double cur = vs[k];
                    double prev = vs[k - 1];
                    if (cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev))) {
                        c++;
                    }
                }
                return c;
            }
            case "resets": {
                int c = 0;
                for (int k = lo + 1; k < hi; k++) {
                    if (vs[k] < vs[k - 1]) {
                        c++;
                    }
                }
                return c;
            }
            case "present_over_time":
                return 1;
            case "count_over_time":
                return n;
            case "last_over_time":
                return vs[hi - 1];
            case "first_over_time":
                return vs[lo];
            case "ts_of_last_over_time":
                return ts[hi - 1] / 1000.0;
            case "ts_of_first_over_time":
                return ts[lo] / 1000.0;
            case "max_over_time":
            case "min_over_time":
            case "ts_of_max_over_time":
            case "ts_of_min_over_time": {
                boolean max = name.contains("max");
                boolean tsOf = name.startsWith("ts_of");
                double best = vs[lo];
                long bestT = ts[lo];
                for (int k = lo; k < hi; k++) {
                    double cur = vs[k];
                    boolean take;
                    if (tsOf) {
                        take = max ? (cur >= best || Double.isNaN(best)) : (cur <= best || Double.isNaN(best));
                    } else {
                        take = max ? (cur > best || Double.isNaN(best)) : (cur < best || Double.isNaN(best));
                    }
                    if (take) {
                        best = cur;
                        bestT = ts[k];
                    }
                }
                return tsOf ? bestT / 1000.0 : best;
            }
            case "sum_over_time": {
                double sum = 0;
                double c = 0;
                for (int k = lo; k < hi; k++) {
                    Numeric.kahanInc(vs[k], sum, c, kc);
                    sum = kc[0];
                    c = kc[1];
                }
                return Double.isInfinite(sum) ? sum : sum + c;
            }
            case "avg_over_time": {
                double sum = vs[lo];
                double count = 1;
                double mean = 0;
                double c = 0;
                boolean incremental = false;
                for (int k = lo + 1; k < hi; k++) {
                    double f = vs[k];
                    count = k - lo + 1;
                    if (!incremental) {
                        Numeric.kahanInc(f, sum, c, kc);
                        if (!Double.isInfinite(kc[0])) {
                            sum = kc[0];
                            c = kc[1];
                            continue;
                        }
                        incremental = true;
                        mean = sum / (count - 1);
                        c /= count - 1;
                    }
                    double q = (count - 1) / count;
                    Numeric.kahanInc(f / count, q * mean, q * c, kc);
                    mean = kc[0];
                    c = kc[1];
                }
                if (incremental) {
                    return mean + c;
                }
                return sum / count + c / count;
            }
            case "stddev_over_time":
            case "stdvar_over_time": {
                double count = 0;
                double mean = 0;
                double cMean = 0;
                double aux = 0;
                double cAux = 0;
                for (int k = lo; k < hi; k++) {
                    double f = vs[k];
                    count++;
                    double delta = f - (mean + cMean);
                    Numeric.kahanInc(delta / count, mean, cMean, kc);
                    mean = kc[0];
                    cMean = kc[1];
                    Numeric.kahanInc(delta * (f - (mean + cMean)), aux, cAux, kc);
                    aux = kc[0];
                    cAux = kc[1];
                }
                double variance = (aux + cAux) / count;
                return name.startsWith("stddev") ? Math.sqrt(variance) : variance;
            }
            case "quantile_over_time": {
                double q = params[0][step];
                System.arraycopy(vs, lo, scratch, 0, n);
                return Numeric.quantile(q, scratch, n);
            }
            case "mad_over_time": {
                for (int k = lo; k < hi; k++) {
                    if (Double.isNaN(vs[k])) {
                        return Double.NaN;
                    }
                }
                System.arraycopy(vs, lo, scratch, 0, n);
                double median = Numeric.quantile(0.5, scratch, n);
                for (int k = 0; k < n; k++) {
                    scratch[k] = Math.abs(scratch[k] - median);
                }
                return Numeric.quantile(0.5, scratch, n);
            }
            case "double_exponential_smoothing": {
                double sf = params[1][step];
                double tf = params[2][step];
                if (sf <= 0 || sf >= 1) {
                    throw new EvalException("invalid smoothing factor. Expected: 0 < sf < 1, got: "
                            + String.format(java.util.Locale.ROOT, "%f", sf));
                }
                if (tf <= 0 || tf >= 1) {
                    throw new EvalException("invalid trend factor. Expected: 0 < tf < 1, got: "
                            + String.format(java.util.Locale.ROOT, "%f", tf));
                }
                if (n < 2) {
                    return NONE;
                }
                double s0 = 0;
                double s1 = vs[lo];
                double b = vs[lo + 1] - vs[lo];
                for (int k = 1; k < n; k++) {
                    double x = sf * vs[lo + k];
                    if (k - 1 != 0) {
                        b = tf * (s1 - s0) + (1 - tf) * b;
                    }
                    double y = (1 - sf) * (s1 + b);
                    s0 = s1;
                    s1 = x + y;
                }
                return s1;
            }
            default:
                throw new EvalException("function \"" + name + "\" is not supported by promql-engine");
        }
    }

    /** Prometheus 3.x extrapolatedRate for float samples. */
    static double extrapolatedRate(long[] ts, double[] vs, int lo, int hi, long rangeStart, long rangeEnd,
                                   double rangeSeconds, boolean isCounter, boolean isRate) {
        int n = hi - lo;
        if (n < 2) {
            return NONE;
        }
        long firstT = ts[lo];
        long lastT = ts[hi - 1];
        double result = vs[hi - 1] - vs[lo];
        if (isCounter) {
            for (int k = lo + 1; k < hi; k++) {
                if (vs[k] < vs[k - 1]) {
                    result += vs[k - 1];
                }
            }
        }
        double durationToStart = (firstT - rangeStart) / 1000.0;
        double durationToEnd = (rangeEnd - lastT) / 1000.0;
        double sampledInterval = (lastT - firstT) / 1000.0;
        double avg = sampledInterval / (n - 1);
        double threshold = avg * 1.1;
        if (durationToStart >= threshold) {
            durationToStart = avg / 2;
        }
        if (isCounter) {
            double durationToZero = durationToStart;
            if (result > 0 && vs[lo] >= 0) {
                durationToZero = sampledInterval * (vs[lo] / result);
            }
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        if (durationToEnd >= threshold) {
            durationToEnd = avg / 2;
        }
        double factor = 1.0;
        if (sampledInterval != 0) {
            factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
        }
        if (isRate) {
            factor /= rangeSeconds;
        }
        return result * factor;
    }

    /** @return {slope, intercept} of the least-squares line, x in seconds relative to {@code interceptTime}. */
    static double[] linearRegression(long[] ts, double[] vs, int lo, int hi, long interceptTime) {
        double n = 0;
        double sumX = 0;
        double cX = 0;
        double sumY = 0;
        double cY = 0;
        double sumXY = 0;
        double cXY = 0;
        double sumX2 = 0;
        double cX2 = 0;
        double initY = vs[lo];
        boolean constY = true;
        double[] kc = new double[2];
        for (int k = lo; k < hi; k++) {
            double y = vs[k];
            if (constY && k > lo && y != initY) {
                constY = false;
            }
            n += 1.0;
            double x = (ts[k] - interceptTime) / 1e3;
            Numeric.kahanInc(x, sumX, cX, kc);
            sumX = kc[0];
            cX = kc[1];
            Numeric.kahanInc(y, sumY, cY, kc);
            sumY = kc[0];
            cY = kc[1];
            Numeric.kahanInc(x * y, sumXY, cXY, kc);
            sumXY = kc[0];
            cXY = kc[1];
            Numeric.kahanInc(x * x, sumX2, cX2, kc);
            sumX2 = kc[0];
            cX2 = kc[1];
        }
        if (constY) {
            if (Double.isInfinite(initY)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {0, initY};
        }
        sumX += cX;
        sumY += cY;
        sumXY += cXY;
        sumX2 += cX2;
        double covXY = sumXY - sumX * sumY / n;
        double varX = sumX2 - sumX * sumX / n;
        double slope = covXY / varX;
        double intercept = sumY / n - slope * sumX / n;
        return new double[] {slope, intercept};
    }

    static boolean isSelector(Expr e) {
        return e instanceof VectorSelector || e instanceof MatrixSelector || e instanceof VectorParen;
    }
}
