package io.monitoringkit.promql;

import java.util.Objects;

/**
 * A unary minus or plus on a scalar that is not a bare number literal: {@code -time()}.
 *
 * <pre>{@code
 * PromQL.time().negate();   // -time()
 * }</pre>
 *
 * @param op   the operator
 * @param expr the operand
 */
public record ScalarUnary(UnaryOp op, ScalarExpr expr) implements ScalarExpr, UnaryExpr {

    /** Rejects nulls. */
    public ScalarUnary {
        Objects.requireNonNull(op, "op");
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
