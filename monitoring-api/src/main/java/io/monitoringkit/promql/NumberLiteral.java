package io.monitoringkit.promql;

/**
 * A number literal: {@code 42}, {@code 1.5e3}, {@code 0x1f}, {@code Inf}, {@code NaN}. A leading minus is part of
 * the literal, as in Prometheus' parser ({@code -1} is a number, not a unary expression).
 *
 * <pre>{@code
 * PromQL.number(0.99);                 // 0.99
 * PromQL.number(Double.POSITIVE_INFINITY); // Inf
 * }</pre>
 *
 * @param value the value
 */
public record NumberLiteral(double value) implements ScalarExpr {

    /** @return a literal of {@code value}. */
    public static NumberLiteral of(double value) {
        return new NumberLiteral(value);
    }

    /** Folds the minus into the literal, as Prometheus' parser does for {@code -1}. */
    @Override
    public ScalarExpr negate() {
        return new NumberLiteral(-value);
    }

    /** Compares values bit for bit, so {@code NaN} equals {@code NaN} and {@code -0} differs from {@code 0}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NumberLiteral n && Double.doubleToLongBits(n.value) == Double.doubleToLongBits(value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
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
