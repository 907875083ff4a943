package io.monitoringkit.promql;

import java.util.List;
import java.util.Objects;

/**
 * A binary operation with at least one instant vector operand: arithmetic, comparison (filter or
 * {@code bool}) or a set operator, with optional vector matching.
 *
 * <pre>{@code
 * errors.div(total).on("job");                   // errors / on (job) total
 * a.times(b).ignoring("pod").groupLeft("team");  // a * ignoring (pod) group_left (team) b
 * a.gt(0.5).bool();                              // a > bool 0.5
 * }</pre>
 *
 * @param op         the operator
 * @param lhs        the left operand (instant vector or scalar)
 * @param rhs        the right operand (instant vector or scalar)
 * @param matching   vector matching; only non-default when both operands are instant vectors
 * @param returnBool whether a comparison returns 0/1 instead of filtering
 */
public record VectorBinary(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool)
        implements InstantVectorExpr, BinaryExpr {

    /**
     * Applies Prometheus' static checks.
     *
     * @throws IllegalArgumentException naming the rule that is broken
     */
    public VectorBinary {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
        Objects.requireNonNull(matching, "matching");
        checkOperand(op, lhs, "left");
        checkOperand(op, rhs, "right");
        boolean lv = lhs.type() == ValueType.VECTOR;
        boolean rv = rhs.type() == ValueType.VECTOR;
        if (!lv && !rv) {
            throw new IllegalArgumentException("a VectorBinary needs an instant vector operand; use ScalarBinary");
        }
        if (returnBool && !op.isComparison()) {
            throw new IllegalArgumentException("bool modifier can only be used on comparison operators");
        }
        if (op.isSetOperator()) {
            if (!lv || !rv) {
                throw new IllegalArgumentException("set operator \"" + op.symbol()
                        + "\" not allowed in binary scalar expression");
            }
            if (matching.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE) {
                throw new IllegalArgumentException("no grouping allowed for \"" + op.symbol() + "\" operation");
            }
        }
        if (!(lv && rv) && !matching.isDefault()) {
            throw new IllegalArgumentException("vector matching only allowed between instant vectors");
        }
        if (matching.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE && matching.on()) {
            for (String l : matching.labels()) {
                if (matching.include().contains(l)) {
                    throw new IllegalArgumentException("label \"" + l
                            + "\" must not occur in ON and GROUP clause at once");
                }
            }
        }
    }

    private static void checkOperand(BinaryOp op, Expr e, String side) {
        ValueType t = e.type();
        if (t == ValueType.STRING || t == ValueType.MATRIX) {
            throw new IllegalArgumentException("binary expression must contain only scalar and instant vector types, "
                    + side + " operand of \"" + op.symbol() + "\" is a " + t.promqlName());
        }
    }

    /** @return {@code lhs op rhs} with default matching. */
    public static VectorBinary of(BinaryOp op, Expr lhs, Expr rhs) {
        return new VectorBinary(op, lhs, rhs, VectorMatching.DEFAULT, false);
    }

    /** @return this comparison with {@code bool}. */
    public VectorBinary bool() {
        return new VectorBinary(op, lhs, rhs, matching, true);
    }

    /** @return this operation matching {@code on (labels)}. */
    public VectorBinary on(String... labels) {
        return new VectorBinary(op, lhs, rhs, matching.withOn(List.of(labels)), returnBool);
    }

    /** @return this operation matching {@code ignoring (labels)}. */
    public VectorBinary ignoring(String... labels) {
        return new VectorBinary(op, lhs, rhs, matching.withIgnoring(List.of(labels)), returnBool);
    }

    /** @return this operation many-to-one, copying {@code labels} from the right side. */
    public VectorBinary groupLeft(String... labels) {
        return new VectorBinary(op, lhs, rhs,
                matching.withGrouping(VectorMatching.Cardinality.MANY_TO_ONE, List.of(labels)), returnBool);
    }

    /** @return this operation one-to-many, copying {@code labels} from the left side. */
    public VectorBinary groupRight(String... labels) {
        return new VectorBinary(op, lhs, rhs,
                matching.withGrouping(VectorMatching.Cardinality.ONE_TO_MANY, List.of(labels)), returnBool);
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
