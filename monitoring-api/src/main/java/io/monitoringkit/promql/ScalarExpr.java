package io.monitoringkit.promql;

/**
 * An expression that evaluates to a scalar. Arithmetic with another scalar stays a scalar; with an instant
 * vector it becomes a vector. Comparisons between two scalars always carry {@code bool}, as Prometheus requires.
 *
 * <pre>{@code
 * ScalarExpr s = number(2).times(time());    // 2 * time()
 * InstantVectorExpr v = number(100).times(ratio);  // 100 * ratio
 * }</pre>
 */
public sealed interface ScalarExpr extends Expr permits NumberLiteral, ScalarCall, ScalarBinary, ScalarUnary, ScalarParen {

    @Override
    default ValueType type() {
        return ValueType.SCALAR;
    }

    /** @return {@code this + other}. */
    default ScalarBinary plus(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.ADD, this, other);
    }

    /** @return {@code this + other}. */
    default VectorBinary plus(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.ADD, this, other);
    }

    /** @return {@code this - other}. */
    default ScalarBinary minus(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.SUB, this, other);
    }

    /** @return {@code this - other}. */
    default VectorBinary minus(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.SUB, this, other);
    }

    /** @return {@code this * other}. */
    default ScalarBinary times(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.MUL, this, other);
    }

    /** @return {@code this * other}. */
    default VectorBinary times(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.MUL, this, other);
    }

    /** @return {@code this / other}. */
    default ScalarBinary div(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.DIV, this, other);
    }

    /** @return {@code this / other}. */
    default VectorBinary div(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.DIV, this, other);
    }

    /** @return {@code this % other}. */
    default ScalarBinary mod(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.MOD, this, other);
    }

    /** @return {@code this % other}. */
    default VectorBinary mod(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.MOD, this, other);
    }

    /** @return {@code this ^ other}. */
    default ScalarBinary pow(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.POW, this, other);
    }

    /** @return {@code this ^ other}. */
    default VectorBinary pow(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.POW, this, other);
    }

    /** @return {@code this atan2 other}. */
    default ScalarBinary atan2(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.ATAN2, this, other);
    }

    /** @return {@code this atan2 other}. */
    default VectorBinary atan2(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.ATAN2, this, other);
    }

    /** @return the filter {@code this == other} (add {@link VectorBinary#bool()} for 0/1 results). */
    default VectorBinary eq(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.EQL, this, other);
    }

    /** @return the filter {@code this != other}. */
    default VectorBinary ne(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.NEQ, this, other);
    }

    /** @return the filter {@code this > other}. */
    default VectorBinary gt(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.GTR, this, other);
    }

    /** @return the filter {@code this < other}. */
    default VectorBinary lt(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.LSS, this, other);
    }

    /** @return the filter {@code this >= other}. */
    default VectorBinary ge(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.GTE, this, other);
    }

    /** @return the filter {@code this <= other}. */
    default VectorBinary le(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.LTE, this, other);
    }

    /** @return {@code this == bool other}. */
    default ScalarBinary eq(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.EQL, this, other);
    }

    /** @return {@code this != bool other}. */
    default ScalarBinary ne(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.NEQ, this, other);
    }

    /** @return {@code this > bool other}. */
    default ScalarBinary gt(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.GTR, this, other);
    }

    /** @return {@code this < bool other}. */
    default ScalarBinary lt(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.LSS, this, other);
    }

    /** @return {@code this >= bool other}. */
    default ScalarBinary ge(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.GTE, this, other);
    }

    /** @return {@code this <= bool other}. */
    default ScalarBinary le(ScalarExpr other) {
        return ScalarBinary.of(BinaryOp.LTE, this, other);
    }

    /** @return {@code -this} (a number literal is negated in place, as Prometheus' parser does). */
    default ScalarExpr negate() {
        return new ScalarUnary(UnaryOp.MINUS, this);
    }
}
