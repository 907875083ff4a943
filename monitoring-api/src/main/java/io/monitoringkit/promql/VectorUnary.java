package io.monitoringkit.promql;

import java.util.Objects;

/**
 * A unary minus or plus on an instant vector: {@code -x}.
 *
 * <pre>{@code
 * metric("x").negate();   // -x
 * }</pre>
 *
 * @param op   the operator
 * @param expr the operand
 */
public record VectorUnary(UnaryOp op, InstantVectorExpr expr) implements InstantVectorExpr, UnaryExpr {

    /** Rejects nulls. */
    public VectorUnary {
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
