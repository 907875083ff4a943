package io.monitoringkit.promql;

import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.internal.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * The PromQL DSL and parser entry point, meant for static import. Every function and aggregation of
 * Prometheus 3.x has a typed method, so the compiler rejects {@code rate(instantVector)} and
 * {@code sum(rangeVector)}; values are quoted by the printer, so no input can inject PromQL. The only doors for
 * raw text are {@link #parse(String)} (validated) and nothing else.
 *
 * <pre>{@code
 * import static io.monitoringkit.promql.PromQL.*;
 *
 * var errors = sum(rate(metric("http_requests_total").where(label("code").matches("5..")).over(minutes(5)))).by("job");
 * var total  = sum(rate(metric("http_requests_total").over(minutes(5)))).by("job");
 * errors.div(total).toString();
 * // sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))
 * histogramQuantile(0.99, sum(rate(metric("http_request_duration_seconds_bucket").over(minutes(5)))).by("le"));
 * Expr parsed = parse("up == 0");
 * }</pre>
 */
public final class PromQL {

    private PromQL() {
    }

    // ---- parsing ----

    /**
     * Parses and type-checks PromQL (Prometheus 3.x grammar, experimental functions off).
     *
     * @throws PromQLParseException with line and column when the text is not valid PromQL
     */
    public static Expr parse(String text) {
        return Parser.parse(text, ParseOptions.defaults());
    }

    /**
     * Parses and type-checks PromQL with {@code options}.
     *
     * @throws PromQLParseException with line and column when the text is not valid PromQL
     */
    public static Expr parse(String text, ParseOptions options) {
        return Parser.parse(text, options);
    }

    /**
     * Parses PromQL that must evaluate to an instant vector.
     *
     * @throws PromQLParseException when the text is invalid or of another type
     */
    public static InstantVectorExpr parseInstantVector(String text) {
        Expr e = parse(text);
        if (e instanceof InstantVectorExpr v) {
            return v;
        }
        throw new PromQLParseException(1, 1, "expected an instant vector expression, got " + e.type().promqlName());
    }

    // ---- selectors and literals ----

    /** @return a selector of metric {@code name} (UTF-8 names are printed quoted). */
    public static VectorSelector metric(String name) {
        return VectorSelector.metric(name);
    }

    /** @return a selector without a metric name, {@code {matchers}}. */
    public static VectorSelector selector(LabelMatcher... matchers) {
        return VectorSelector.matching(matchers);
    }

    /** @return the start of a matcher on label {@code name}. */
    public static LabelName label(String name) {
        return new LabelName(name);
    }

    /** @return a number literal. */
    public static NumberLiteral number(double value) {
        return NumberLiteral.of(value);
    }

    /** @return a string literal (quoted by the printer). */
    public static StringLiteral string(String value) {
        return StringLiteral.of(value);
    }

    // ---- durations ----

    /** @return {@code n} milliseconds. */
    public static PromDuration millis(long n) {
        return PromDuration.ofMillis(n);
    }

    /** @return {@code n} seconds. */
    public static PromDuration seconds(long n) {
        return PromDuration.ofSeconds(n);
    }

    /** @return {@code n} minutes. */
    public static PromDuration minutes(long n) {
        return PromDuration.ofMinutes(n);
    }

    /** @return {@code n} hours. */
    public static PromDuration hours(long n) {
        return PromDuration.ofHours(n);
    }

    /** @return {@code n} days. */
    public static PromDuration days(long n) {
        return PromDuration.ofDays(n);
    }

    /** @return the Prometheus duration {@code text}, e.g. {@code "1h30m"}. */
    public static PromDuration duration(String text) {
        return PromDuration.parse(text);
    }

    // ---- aggregations ----

    /** @return {@code sum(v)}. */
    public static Aggregation sum(InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.SUM, v);
    }

    /** @return {@code avg(v)}. */
    public static Aggregation avg(InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.AVG, v);
    }

    /** @return {@code count(v)}. */
    public static Aggregation count(InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.COUNT, v);
    }

    /** @return {@code min(v)}. */
    public static Aggregation min(InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.MIN, v);
    }

    /** @return {@code max(v)}. */
    public static Aggregation max(InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.MAX, v);
    }

    /** @return {@code group(v)}. */
    public static Aggregation group(InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.GROUP, v);
    }

    /** @return {@code stddev(v)}. */
    public static Aggregation stddev(InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.STDDEV, v);
    }

    /** @return {@code stdvar(v)}. */
    public static Aggregation stdvar(InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.STDVAR, v);
    }

    /** @return {@code topk(k, v)}. */
    public static Aggregation topk(int k, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.TOPK, number(k), v);
    }

    /** @return {@code topk(k, v)} with a computed k. */
    public static Aggregation topk(ScalarExpr k, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.TOPK, k, v);
    }

    /** @return {@code bottomk(k, v)}. */
    public static Aggregation bottomk(int k, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.BOTTOMK, number(k), v);
    }

    /** @return {@code bottomk(k, v)} with a computed k. */
    public static Aggregation bottomk(ScalarExpr k, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.BOTTOMK, k, v);
    }

    /** @return {@code quantile(q, v)}. */
    public static Aggregation quantile(double q, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.QUANTILE, number(q), v);
    }

    /** @return {@code quantile(q, v)} with a computed q. */
    public static Aggregation quantile(ScalarExpr q, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.QUANTILE, q, v);
    }

    /** @return {@code count_values("label", v)}. */
    public static Aggregation countValues(String label, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.COUNT_VALUES, string(label), v);
    }

    /** @return {@code limitk(k, v)} (experimental). */
    public static Aggregation limitk(int k, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.LIMITK, number(k), v);
    }

    /** @return {@code limit_ratio(r, v)} (experimental). */
    public static Aggregation limitRatio(double ratio, InstantVectorExpr v) {
        return Aggregation.of(AggregateOp.LIMIT_RATIO, number(ratio), v);
    }

    // ---- functions with more than one argument or special types ----

    /** @return {@code histogram_quantile(phi, v)}; {@code v} is usually {@code sum by (le) (rate(x_bucket[5m]))}. */
    public static VectorCall histogramQuantile(double phi, InstantVectorExpr v) {
        return VectorCall.of("histogram_quantile", number(phi), v);
    }

    /** @return {@code histogram_quantile(phi, v)} with a computed phi. */
    public static VectorCall histogramQuantile(ScalarExpr phi, InstantVectorExpr v) {
        return VectorCall.of("histogram_quantile", phi, v);
    }

    /** @return {@code histogram_fraction(lower, upper, v)}. */
    public static VectorCall histogramFraction(double lower, double upper, InstantVectorExpr v) {
        return VectorCall.of("histogram_fraction", number(lower), number(upper), v);
    }

    /** @return {@code histogram_quantiles(v, "label", phis...)} (experimental). */
    public static VectorCall histogramQuantiles(InstantVectorExpr v, String label, double... phis) {
        List<Expr> args = new ArrayList<>();
        args.add(v);
        args.add(string(label));
        for (double p : phis) {
            args.add(number(p));
        }
        return new VectorCall(Functions.get("histogram_quantiles"), args);
    }

    /** @return {@code quantile_over_time(q, range)}. */
    public static VectorCall quantileOverTime(double q, RangeVectorExpr range) {
        return VectorCall.of("quantile_over_time", number(q), range);
    }

    /** @return {@code quantile_over_time(q, range)} with a computed q. */
    public static VectorCall quantileOverTime(ScalarExpr q, RangeVectorExpr range) {
        return VectorCall.of("quantile_over_time", q, range);
    }

    /** @return {@code predict_linear(range, seconds)}. */
    public static VectorCall predictLinear(RangeVectorExpr range, double seconds) {
        return VectorCall.of("predict_linear", range, number(seconds));
    }

    /** @return {@code predict_linear(range, t)} with a computed t. */
    public static VectorCall predictLinear(RangeVectorExpr range, ScalarExpr seconds) {
        return VectorCall.of("predict_linear", range, seconds);
    }

    /** @return {@code double_exponential_smoothing(range, sf, tf)} (experimental). */
    public static VectorCall doubleExponentialSmoothing(RangeVectorExpr range, double smoothing, double trend) {
        return VectorCall.of("double_exponential_smoothing", range, number(smoothing), number(trend));
    }

    /** @return {@code clamp(v, min, max)}. */
    public static VectorCall clamp(InstantVectorExpr v, double min, double max) {
        return VectorCall.of("clamp", v, number(min), number(max));
    }

    /** @return {@code clamp_min(v, min)}. */
    public static VectorCall clampMin(InstantVectorExpr v, double min) {
        return VectorCall.of("clamp_min", v, number(min));
    }

    /** @return {@code clamp_max(v, max)}. */
    public static VectorCall clampMax(InstantVectorExpr v, double max) {
        return VectorCall.of("clamp_max", v, number(max));
    }

    /** @return {@code round(v)}. */
    public static VectorCall round(InstantVectorExpr v) {
        return VectorCall.of("round", v);
    }

    /** @return {@code round(v, toNearest)}. */
    public static VectorCall round(InstantVectorExpr v, double toNearest) {
        return VectorCall.of("round", v, number(toNearest));
    }

    /** @return {@code label_replace(v, dst, replacement, src, regex)}. */
    public static VectorCall labelReplace(InstantVectorExpr v, String dst, String replacement, String src, String regex) {
        return VectorCall.of("label_replace", v, string(dst), string(replacement), string(src), string(regex));
    }

    /** @return {@code label_join(v, dst, separator, src...)}. */
    public static VectorCall labelJoin(InstantVectorExpr v, String dst, String separator, String... src) {
        List<Expr> args = new ArrayList<>();
        args.add(v);
        args.add(string(dst));
        args.add(string(separator));
        for (String s : src) {
            args.add(string(s));
        }
        return new VectorCall(Functions.get("label_join"), args);
    }

    /** @return {@code sort_by_label(v, labels...)} (experimental). */
    public static VectorCall sortByLabel(InstantVectorExpr v, String... labels) {
        return labelSort("sort_by_label", v, labels);
    }

    /** @return {@code sort_by_label_desc(v, labels...)} (experimental). */
    public static VectorCall sortByLabelDesc(InstantVectorExpr v, String... labels) {
        return labelSort("sort_by_label_desc", v, labels);
    }

    private static VectorCall labelSort(String fn, InstantVectorExpr v, String... labels) {
        List<Expr> args = new ArrayList<>();
        args.add(v);
        for (String s : labels) {
            args.add(string(s));
        }
        return new VectorCall(Functions.get(fn), args);
    }

    /** @return {@code info(v)} (experimental). */
    public static VectorCall info(InstantVectorExpr v) {
        return VectorCall.of("info", v);
    }

    /** @return {@code info(v, dataLabelSelector)} (experimental). */
    public static VectorCall info(InstantVectorExpr v, InstantVectorExpr dataLabelSelector) {
        return VectorCall.of("info", v, dataLabelSelector);
    }

    /** @return {@code vector(s)}. */
    public static VectorCall vector(ScalarExpr s) {
        return VectorCall.of("vector", s);
    }

    /** @return {@code vector(value)}. */
    public static VectorCall vector(double value) {
        return VectorCall.of("vector", number(value));
    }

    /** @return {@code scalar(v)}. */
    public static ScalarCall scalar(InstantVectorExpr v) {
        return ScalarCall.of("scalar", v);
    }

    /** @return {@code time()}. */
    public static ScalarCall time() {
        return ScalarCall.of("time");
    }

    /** @return {@code pi()}. */
    public static ScalarCall pi() {
        return ScalarCall.of("pi");
    }

    /** @return a call of any function by name, checked against the function table. */
    public static Expr call(String function, Expr... args) {
        PromFunction f = Functions.get(function);
        return f.returnType() == ValueType.SCALAR ? new ScalarCall(f, List.of(args)) : new VectorCall(f, List.of(args));
    }

    /** @return the at-modifier {@code @ start()}. */
    public static AtModifier start() {
        return AtModifier.start();
    }

    /** @return the at-modifier {@code @ end()}. */
    public static AtModifier end() {
        return AtModifier.end();
    }

    // ---- one-argument functions ----

    /** @return {@code rate(range)}. */
    public static VectorCall rate(RangeVectorExpr range) {
        return VectorCall.of("rate", range);
    }

    /** @return {@code irate(range)}. */
    public static VectorCall irate(RangeVectorExpr range) {
        return VectorCall.of("irate", range);
    }

    /** @return {@code increase(range)}. */
    public static VectorCall increase(RangeVectorExpr range) {
        return VectorCall.of("increase", range);
    }

    /** @return {@code delta(range)}. */
    public static VectorCall delta(RangeVectorExpr range) {
        return VectorCall.of("delta", range);
    }

    /** @return {@code idelta(range)}. */
    public static VectorCall idelta(RangeVectorExpr range) {
        return VectorCall.of("idelta", range);
    }

    /** @return {@code deriv(range)}. */
    public static VectorCall deriv(RangeVectorExpr range) {
        return VectorCall.of("deriv", range);
    }

    /** @return {@code changes(range)}. */
    public static VectorCall changes(RangeVectorExpr range) {
        return VectorCall.of("changes", range);
    }

    /** @return {@code resets(range)}. */
    public static VectorCall resets(RangeVectorExpr range) {
        return VectorCall.of("resets", range);
    }

    /** @return {@code absent_over_time(range)}. */
    public static VectorCall absentOverTime(RangeVectorExpr range) {
        return VectorCall.of("absent_over_time", range);
    }

    /** @return {@code present_over_time(range)}. */
    public static VectorCall presentOverTime(RangeVectorExpr range) {
        return VectorCall.of("present_over_time", range);
    }

    /** @return {@code avg_over_time(range)}. */
    public static VectorCall avgOverTime(RangeVectorExpr range) {
        return VectorCall.of("avg_over_time", range);
    }

    /** @return {@code count_over_time(range)}. */
    public static VectorCall countOverTime(RangeVectorExpr range) {
        return VectorCall.of("count_over_time", range);
    }

    /** @return {@code last_over_time(range)}. */
    public static VectorCall lastOverTime(RangeVectorExpr range) {
        return VectorCall.of("last_over_time", range);
    }

    /** @return {@code max_over_time(range)}. */
    public static VectorCall maxOverTime(RangeVectorExpr range) {
        return VectorCall.of("max_over_time", range);
    }

    /** @return {@code min_over_time(range)}. */
    public static VectorCall minOverTime(RangeVectorExpr range) {
        return VectorCall.of("min_over_time", range);
    }

    /** @return {@code stddev_over_time(range)}. */
    public static VectorCall stddevOverTime(RangeVectorExpr range) {
        return VectorCall.of("stddev_over_time", range);
    }

    /** @return {@code stdvar_over_time(range)}. */
    public static VectorCall stdvarOverTime(RangeVectorExpr range) {
        return VectorCall.of("stdvar_over_time", range);
    }

    /** @return {@code sum_over_time(range)}. */
    public static VectorCall sumOverTime(RangeVectorExpr range) {
        return VectorCall.of("sum_over_time", range);
    }

    /** @return {@code mad_over_time(range)} (experimental). */
    public static VectorCall madOverTime(RangeVectorExpr range) {
        return VectorCall.of("mad_over_time", range);
    }

    /** @return {@code first_over_time(range)} (experimental). */
    public static VectorCall firstOverTime(RangeVectorExpr range) {
        return VectorCall.of("first_over_time", range);
    }

    /** @return {@code ts_of_first_over_time(range)} (experimental). */
    public static VectorCall tsOfFirstOverTime(RangeVectorExpr range) {
        return VectorCall.of("ts_of_first_over_time", range);
    }

    /** @return {@code ts_of_last_over_time(range)} (experimental). */
    public static VectorCall tsOfLastOverTime(RangeVectorExpr range) {
        return VectorCall.of("ts_of_last_over_time", range);
    }

    /** @return {@code ts_of_max_over_time(range)} (experimental). */
    public static VectorCall tsOfMaxOverTime(RangeVectorExpr range) {
        return VectorCall.of("ts_of_max_over_time", range);
    }

    /** @return {@code ts_of_min_over_time(range)} (experimental). */
    public static VectorCall tsOfMinOverTime(RangeVectorExpr range) {
        return VectorCall.of("ts_of_min_over_time", range);
    }

    /** @return {@code abs(v)}. */
    public static VectorCall abs(InstantVectorExpr v) {
        return VectorCall.of("abs", v);
    }

    /** @return {@code ceil(v)}. */
    public static VectorCall ceil(InstantVectorExpr v) {
        return VectorCall.of("ceil", v);
    }

    /** @return {@code exp(v)}. */
    public static VectorCall exp(InstantVectorExpr v) {
        return VectorCall.of("exp", v);
    }

    /** @return {@code floor(v)}. */
    public static VectorCall floor(InstantVectorExpr v) {
        return VectorCall.of("floor", v);
    }

    /** @return {@code ln(v)}. */
    public static VectorCall ln(InstantVectorExpr v) {
        return VectorCall.of("ln", v);
    }

    /** @return {@code log10(v)}. */
    public static VectorCall log10(InstantVectorExpr v) {
        return VectorCall.of("log10", v);
    }

    /** @return {@code log2(v)}. */
    public static VectorCall log2(InstantVectorExpr v) {
        return VectorCall.of("log2", v);
    }

    /** @return {@code sqrt(v)}. */
    public static VectorCall sqrt(InstantVectorExpr v) {
        return VectorCall.of("sqrt", v);
    }

    /** @return {@code sgn(v)}. */
    public static VectorCall sgn(InstantVectorExpr v) {
        return VectorCall.of("sgn", v);
    }

    /** @return {@code deg(v)}. */
    public static VectorCall deg(InstantVectorExpr v) {
        return VectorCall.of("deg", v);
    }

    /** @return {@code rad(v)}. */
    public static VectorCall rad(InstantVectorExpr v) {
        return VectorCall.of("rad", v);
    }

    /** @return {@code acos(v)}. */
    public static VectorCall acos(InstantVectorExpr v) {
        return VectorCall.of("acos", v);
    }

    /** @return {@code acosh(v)}. */
    public static VectorCall acosh(InstantVectorExpr v) {
        return VectorCall.of("acosh", v);
    }

    /** @return {@code asin(v)}. */
    public static VectorCall asin(InstantVectorExpr v) {
        return VectorCall.of("asin", v);
    }

    /** @return {@code asinh(v)}. */
    public static VectorCall asinh(InstantVectorExpr v) {
        return VectorCall.of("asinh", v);
    }

    /** @return {@code atan(v)}. */
    public static VectorCall atan(InstantVectorExpr v) {
        return VectorCall.of("atan", v);
    }

    /** @return {@code atanh(v)}. */
    public static VectorCall atanh(InstantVectorExpr v) {
        return VectorCall.of("atanh", v);
    }

    /** @return {@code cos(v)}. */
    public static VectorCall cos(InstantVectorExpr v) {
        return VectorCall.of("cos", v);
    }

    /** @return {@code cosh(v)}. */
    public static VectorCall cosh(InstantVectorExpr v) {
        return VectorCall.of("cosh", v);
    }

    /** @return {@code sin(v)}. */
    public static VectorCall sin(InstantVectorExpr v) {
        return VectorCall.of("sin", v);
    }

    /** @return {@code sinh(v)}. */
    public static VectorCall sinh(InstantVectorExpr v) {
        return VectorCall.of("sinh", v);
    }

    /** @return {@code tan(v)}. */
    public static VectorCall tan(InstantVectorExpr v) {
        return VectorCall.of("tan", v);
    }

    /** @return {@code tanh(v)}. */
    public static VectorCall tanh(InstantVectorExpr v) {
        return VectorCall.of("tanh", v);
    }

    /** @return {@code absent(v)}. */
    public static VectorCall absent(InstantVectorExpr v) {
        return VectorCall.of("absent", v);
    }

    /** @return {@code timestamp(v)}. */
    public static VectorCall timestamp(InstantVectorExpr v) {
        return VectorCall.of("timestamp", v);
    }

    /** @return {@code sort(v)}. */
    public static VectorCall sort(InstantVectorExpr v) {
        return VectorCall.of("sort", v);
    }

    /** @return {@code sort_desc(v)}. */
    public static VectorCall sortDesc(InstantVectorExpr v) {
        return VectorCall.of("sort_desc", v);
    }

    /** @return {@code histogram_avg(v)}. */
    public static VectorCall histogramAvg(InstantVectorExpr v) {
        return VectorCall.of("histogram_avg", v);
    }

    /** @return {@code histogram_count(v)}. */
    public static VectorCall histogramCount(InstantVectorExpr v) {
        return VectorCall.of("histogram_count", v);
    }

    /** @return {@code histogram_sum(v)}. */
    public static VectorCall histogramSum(InstantVectorExpr v) {
        return VectorCall.of("histogram_sum", v);
    }

    /** @return {@code histogram_stddev(v)}. */
    public static VectorCall histogramStddev(InstantVectorExpr v) {
        return VectorCall.of("histogram_stddev", v);
    }

    /** @return {@code histogram_stdvar(v)}. */
    public static VectorCall histogramStdvar(InstantVectorExpr v) {
        return VectorCall.of("histogram_stdvar", v);
    }

    /** @return {@code day_of_month()} of the evaluation time. */
    public static VectorCall dayOfMonth() {
        return VectorCall.of("day_of_month");
    }

    /** @return {@code day_of_month(v)} of the timestamps held as values. */
    public static VectorCall dayOfMonth(InstantVectorExpr v) {
        return VectorCall.of("day_of_month", v);
    }

    /** @return {@code day_of_week()} of the evaluation time. */
    public static VectorCall dayOfWeek() {
        return VectorCall.of("day_of_week");
    }

    /** @return {@code day_of_week(v)} of the timestamps held as values. */
    public static VectorCall dayOfWeek(InstantVectorExpr v) {
        return VectorCall.of("day_of_week", v);
    }

    /** @return {@code day_of_year()} of the evaluation time. */
    public static VectorCall dayOfYear() {
        return VectorCall.of("day_of_year");
    }

    /** @return {@code day_of_year(v)} of the timestamps held as values. */
    public static VectorCall dayOfYear(InstantVectorExpr v) {
        return VectorCall.of("day_of_year", v);
    }

    /** @return {@code days_in_month()} of the evaluation time. */
    public static VectorCall daysInMonth() {
        return VectorCall.of("days_in_month");
    }

    /** @return {@code days_in_month(v)} of the timestamps held as values. */
    public static VectorCall daysInMonth(InstantVectorExpr v) {
        return VectorCall.of("days_in_month", v);
    }

    /** @return {@code hour()} of the evaluation time. */
    public static VectorCall hour() {
        return VectorCall.of("hour");
    }

    /** @return {@code hour(v)} of the timestamps held as values. */
    public static VectorCall hour(InstantVectorExpr v) {
        return VectorCall.of("hour", v);
    }

    /** @return {@code minute()} of the evaluation time. */
    public static VectorCall minute() {
        return VectorCall.of("minute");
    }

    /** @return {@code minute(v)} of the timestamps held as values. */
    public static VectorCall minute(InstantVectorExpr v) {
        return VectorCall.of("minute", v);
    }

    /** @return {@code month()} of the evaluation time. */
    public static VectorCall month() {
        return VectorCall.of("month");
    }

    /** @return {@code month(v)} of the timestamps held as values. */
    public static VectorCall month(InstantVectorExpr v) {
        return VectorCall.of("month", v);
    }

    /** @return {@code year()} of the evaluation time. */
    public static VectorCall year() {
        return VectorCall.of("year");
    }

    /** @return {@code year(v)} of the timestamps held as values. */
    public static VectorCall year(InstantVectorExpr v) {
        return VectorCall.of("year", v);
    }
}
