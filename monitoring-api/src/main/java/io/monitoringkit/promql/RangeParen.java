package io.monitoringkit.promql;

import java.util.Objects;

/**
 * Parentheses around an expression of type {@link RangeVectorExpr}, as written in parsed source.
 *
 * <pre>{@code
 * Exprs.withoutParens(PromQL.parse("(x)"));   // x
 * }</pre>
 *
 * @param expr the parenthesised expression
 */
public record RangeParen(RangeVectorExpr expr) implements RangeVectorExpr, ParenExpr {

    /** Rejects null. */
    public RangeParen {
        Objects.requireNonNull(expr, "expr");
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
