package io.monitoringkit.promql;

/**
 * An expression that evaluates to a range vector: a matrix selector ({@code x[5m]}), a subquery
 * ({@code expr[1h:1m]}) or one of them in parentheses. Functions such as {@code rate} take one.
 *
 * <pre>{@code
 * RangeVectorExpr r = metric("http_requests_total").over(minutes(5));
 * rate(r);   // rate(http_requests_total[5m])
 * }</pre>
 */
public sealed interface RangeVectorExpr extends Expr permits MatrixSelector, Subquery, RangeParen {
    @Override
    default ValueType type() {
        return ValueType.MATRIX;
    }
}
