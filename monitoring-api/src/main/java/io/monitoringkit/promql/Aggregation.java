package io.monitoringkit.promql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An aggregation such as {@code sum by (job) (x)} or {@code topk(5, x)}.
 *
 * <pre>{@code
 * sum(rate(metric("x").over(minutes(5)))).by("job");   // sum by (job) (rate(x[5m]))
 * topk(5, metric("x")).without("pod");                 // topk without (pod) (5, x)
 * }</pre>
 *
 * @param op       the operator
 * @param expr     the aggregated instant vector
 * @param param    the parameter of topk/bottomk/quantile/count_values/limitk/limit_ratio, absent otherwise
 * @param grouping the {@code by}/{@code without} clause
 */
public record Aggregation(AggregateOp op, InstantVectorExpr expr, Optional<Expr> param, Grouping grouping)
        implements InstantVectorExpr {

    /**
     * @throws IllegalArgumentException when a parameter is missing, superfluous or of the wrong type
     */
    public Aggregation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(grouping, "grouping");
        Optional<ValueType> want = op.paramType();
        if (want.isPresent() && param.isEmpty()) {
            throw new IllegalArgumentException("wrong number of arguments for aggregate expression provided, "
                    + "expected 2, got 1");
        }
        if (want.isEmpty() && param.isPresent()) {
            throw new IllegalArgumentException("wrong number of arguments for aggregate expression provided, "
                    + "expected 1, got 2");
        }
        if (want.isPresent() && param.get().type() != want.get()) {
            throw new IllegalArgumentException("expected type " + want.get().promqlName()
                    + " in aggregation parameter, got " + param.get().type().promqlName());
        }
    }

    /** @return {@code op(expr)} without grouping or parameter. */
    public static Aggregation of(AggregateOp op, InstantVectorExpr expr) {
        return new Aggregation(op, expr, Optional.empty(), Grouping.NONE);
    }

    /** @return {@code op(param, expr)}. */
    public static Aggregation of(AggregateOp op, Expr param, InstantVectorExpr expr) {
        return new Aggregation(op, expr, Optional.of(param), Grouping.NONE);
    }

    /** @return this aggregation grouped {@code by (labels)}. */
    public Aggregation by(String... labels) {
        return new Aggregation(op, expr, param, Grouping.by(labels));
    }

    /** @return this aggregation grouped {@code by (labels)}. */
    public Aggregation by(List<String> labels) {
        return new Aggregation(op, expr, param, new Grouping(Grouping.Kind.BY, labels));
    }

    /** @return this aggregation grouped {@code without (labels)}. */
    public Aggregation without(String... labels) {
        return new Aggregation(op, expr, param, Grouping.without(labels));
    }

    /** @return this aggregation grouped {@code without (labels)}. */
    public Aggregation without(List<String> labels) {
        return new Aggregation(op, expr, param, new Grouping(Grouping.Kind.WITHOUT, labels));
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String toString() {
        return toPromQL();
    }
}
