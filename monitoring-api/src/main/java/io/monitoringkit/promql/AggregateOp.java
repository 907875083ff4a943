package io.monitoringkit.promql;

import java.util.Optional;

/**
 * PromQL's aggregation operators, with the type of their parameter (if any) and the experimental flag.
 *
 * <pre>{@code
 * AggregateOp.TOPK.paramType();       // Optional[SCALAR]
 * AggregateOp.fromName("count_values"); // Optional[COUNT_VALUES]
 * }</pre>
 */
public enum AggregateOp {
    /** {@code sum} */ SUM("sum", null, false),
    /** {@code avg} */ AVG("avg", null, false),
    /** {@code count} */ COUNT("count", null, false),
    /** {@code min} */ MIN("min", null, false),
    /** {@code max} */ MAX("max", null, false),
    /** {@code group} */ GROUP("group", null, false),
    /** {@code stddev} */ STDDEV("stddev", null, false),
    /** {@code stdvar} */ STDVAR("stdvar", null, false),
    /** {@code topk(k, v)} */ TOPK("topk", ValueType.SCALAR, false),
    /** {@code bottomk(k, v)} */ BOTTOMK("bottomk", ValueType.SCALAR, false),
    /** {@code quantile(q, v)} */ QUANTILE("quantile", ValueType.SCALAR, false),
    /** {@code count_values("label", v)} */ COUNT_VALUES("count_values", ValueType.STRING, false),
    /** {@code limitk(k, v)} (experimental) */ LIMITK("limitk", ValueType.SCALAR, true),
    /** {@code limit_ratio(r, v)} (experimental) */ LIMIT_RATIO("limit_ratio", ValueType.SCALAR, true);

    private final String promqlName;
    private final ValueType paramType;
    private final boolean experimental;

    AggregateOp(String promqlName, ValueType paramType, boolean experimental) {
        this.promqlName = promqlName;
        this.paramType = paramType;
        this.experimental = experimental;
    }

    /** @return the operator as written in PromQL. */
    public String promqlName() {
        return promqlName;
    }

    /** @return the type of the first parameter, for the operators that take one. */
    public Optional<ValueType> paramType() {
        return Optional.ofNullable(paramType);
    }

    /** @return whether Prometheus needs the experimental-functions flag for it. */
    public boolean experimental() {
        return experimental;
    }

    /** @return the operator called {@code name}, case-insensitive as in PromQL. */
    public static Optional<AggregateOp> fromName(String name) {
        for (AggregateOp op : values()) {
            if (op.promqlName.equalsIgnoreCase(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return promqlName;
    }
}
