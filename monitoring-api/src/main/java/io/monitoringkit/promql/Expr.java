package io.monitoringkit.promql;

/**
 * A PromQL expression: an immutable syntax tree node. The node records are grouped by the value type they
 * produce ({@link InstantVectorExpr}, {@link RangeVectorExpr}, {@link ScalarExpr}, {@link StringExpr}), so the
 * Java compiler rejects {@code rate(instantVector)} or {@code sum(rangeVector)} when building expressions with
 * the {@link PromQL} DSL. {@code toString()} of every node is its compact canonical PromQL.
 *
 * <pre>{@code
 * Expr e = PromQL.parse("sum by (job) (rate(http_requests_total[5m]))");
 * e.type();        // VECTOR
 * e.toString();    // sum by (job) (rate(http_requests_total[5m]))
 * }</pre>
 */
public sealed interface Expr permits InstantVectorExpr, RangeVectorExpr, ScalarExpr, StringExpr {

    /** @return the value type this expression evaluates to. */
    ValueType type();

    /** Double dispatch for tree walks (see {@link ExprVisitor}). */
    <R> R accept(ExprVisitor<R> visitor);

    /** @return the compact canonical PromQL, equal to Prometheus' own rendering. */
    default String toPromQL() {
        return PromQLPrinter.compact(this);
    }

    /** @return the multi-line pretty form, equal to Prometheus' {@code /api/v1/format_query}. */
    default String toPrettyPromQL() {
        return PromQLPrinter.pretty(this);
    }
}
