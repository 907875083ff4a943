package io.monitoringkit.promql;

import static io.monitoringkit.promql.ValueType.MATRIX;
import static io.monitoringkit.promql.ValueType.SCALAR;
import static io.monitoringkit.promql.ValueType.STRING;
import static io.monitoringkit.promql.ValueType.VECTOR;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one table of PromQL functions of Prometheus 3.x: name, signature, return type and experimental flag.
 * The parser, the type checker, the DSL and the engine all read it.
 *
 * <pre>{@code
 * Functions.lookup("histogram_quantile").orElseThrow().argTypes();  // [SCALAR, VECTOR]
 * Functions.lookup("sort_by_label").orElseThrow().experimental();   // true
 * }</pre>
 */
public final class Functions {

    private static final Map<String, PromFunction> TABLE;
    private static final Map<String, PromFunction> BY_NAME;

    static {
        Map<String, PromFunction> t = new TreeMap<>();
        // math on instant vectors
        for (String n : List.of("abs", "ceil", "exp", "floor", "ln", "log10", "log2", "sqrt", "sgn", "deg", "rad",
                "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
                "absent", "timestamp", "sort", "sort_desc", "histogram_avg", "histogram_count", "histogram_sum",
                "histogram_stddev", "histogram_stdvar")) {
            put(t, n, List.of(VECTOR), 0, VECTOR, false);
        }
        // functions of a range vector
        for (String n : List.of("rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets",
                "absent_over_time", "present_over_time", "avg_over_time", "count_over_time", "last_over_time",
                "max_over_time", "min_over_time", "stddev_over_time", "stdvar_over_time", "sum_over_time")) {
            put(t, n, List.of(MATRIX), 0, VECTOR, false);
        }
        put(t, "first_over_time", List.of(MATRIX), 0, VECTOR, false);
        for (String n : List.of("mad_over_time", "ts_of_first_over_time", "ts_of_last_over_time",
                "ts_of_max_over_time", "ts_of_min_over_time")) {
            put(t, n, List.of(MATRIX), 0, VECTOR, true);
        }
        // date functions: one optional instant vector (default vector(time()))
        for (String n : List.of("day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
                "month", "year")) {
            put(t, n, List.of(VECTOR), 1, VECTOR, false);
        }
        put(t, "clamp", List.of(VECTOR, SCALAR, SCALAR), 0, VECTOR, false);
        put(t, "clamp_max", List.of(VECTOR, SCALAR), 0, VECTOR, false);
        put(t, "clamp_min", List.of(VECTOR, SCALAR), 0, VECTOR, false);
        put(t, "round", List.of(VECTOR, SCALAR), 1, VECTOR, false);
        put(t, "histogram_quantile", List.of(SCALAR, VECTOR), 0, VECTOR, false);
        put(t, "histogram_fraction", List.of(SCALAR, SCALAR, VECTOR), 0, VECTOR, false);
        put(t, "histogram_quantiles", List.of(VECTOR, STRING, SCALAR, SCALAR), 9, VECTOR, true);
        put(t, "predict_linear", List.of(MATRIX, SCALAR), 0, VECTOR, false);
        put(t, "quantile_over_time", List.of(SCALAR, MATRIX), 0, VECTOR, false);
        put(t, "double_exponential_smoothing", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR, true);
        put(t, "label_replace", List.of(VECTOR, STRING, STRING, STRING, STRING), 0, VECTOR, false);
        put(t, "label_join", List.of(VECTOR, STRING, STRING, STRING), -1, VECTOR, false);
        put(t, "sort_by_label", List.of(VECTOR, STRING), -1, VECTOR, true);
        put(t, "sort_by_label_desc", List.of(VECTOR, STRING), -1, VECTOR, true);
        put(t, "info", List.of(VECTOR, VECTOR), 1, VECTOR, true);
        put(t, "vector", List.of(SCALAR), 0, VECTOR, false);
        put(t, "scalar", List.of(VECTOR), 0, SCALAR, false);
        put(t, "start_timestamp", List.of(VECTOR), 0, VECTOR, true);
        put(t, "time", List.of(), 0, SCALAR, false);
        // experimental scalar functions of the query's own parameters, and their two-argument helpers
        for (String n : List.of("start", "end", "step", "range")) {
            put(t, n, List.of(), 0, SCALAR, true);
        }
        put(t, "max_of", List.of(SCALAR, SCALAR), 0, SCALAR, true);
        put(t, "min_of", List.of(SCALAR, SCALAR), 0, SCALAR, true);
        put(t, "pi", List.of(), 0, SCALAR, false);
        TABLE = Collections.unmodifiableMap(t);
        BY_NAME = new HashMap<>(t);
    }

    private Functions() {
    }

    private static void put(Map<String, PromFunction> t, String name, List<ValueType> args, int variadic,
                            ValueType ret, boolean experimental) {
        t.put(name, new PromFunction(name, args, variadic, ret, experimental));
    }

    /** @return the function called {@code name} (case-sensitive, as in PromQL). */
    public static Optional<PromFunction> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** @return the function called {@code name}. @throws IllegalArgumentException when there is none */
    public static PromFunction get(String name) {
        PromFunction f = TABLE.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown function with name \"" + name + "\"");
        }
        return f;
    }

    /** @return every function, sorted by name. */
    public static Collection<PromFunction> all() {
        return TABLE.values();
    }
}
