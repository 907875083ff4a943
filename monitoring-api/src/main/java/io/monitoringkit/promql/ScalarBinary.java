package io.monitoringkit.promql;

import java.util.Objects;

/**
 * A binary operation between two scalars. Comparisons between scalars must carry {@code bool} (Prometheus'
 * rule); {@link #of} adds it.
 *
 * <pre>{@code
 * number(1).plus(time());        // 1 + time()
 * number(1).lt(number(2));       // 1 < bool 2
 * }</pre>
 *
 * @param op         the operator (no set operators)
 * @param lhs        the left scalar
 * @param rhs        the right scalar
 * @param returnBool {@code true} for comparisons, {@code false} otherwise
 */
public record ScalarBinary(BinaryOp op, ScalarExpr lhs, ScalarExpr rhs, boolean returnBool)
        implements ScalarExpr, BinaryExpr {

    /** @throws IllegalArgumentException when the combination is not allowed between scalars */
    public ScalarBinary {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
        if (op.isSetOperator()) {
            throw new IllegalArgumentException("set operator \"" + op.symbol()
                    + "\" not allowed in binary scalar expression");
        }
        if (op.isComparison() && !returnBool) {
            throw new IllegalArgumentException("comparisons between scalars must use BOOL modifier");
        }
        if (!op.isComparison() && returnBool) {
            throw new IllegalArgumentException("bool modifier can only be used on comparison operators");
        }
    }

    /** @return {@code lhs op rhs}, with {@code bool} for comparisons. */
    public static ScalarBinary of(BinaryOp op, ScalarExpr lhs, ScalarExpr rhs) {
        return new ScalarBinary(op, lhs, rhs, op.isComparison());
    }

    @Override
    public VectorMatching matching() {
        return VectorMatching.DEFAULT;
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
