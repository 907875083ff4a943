package io.monitoringkit.promql;

import io.monitoringkit.model.PromDuration;
import java.time.Duration;

/**
 * An expression that evaluates to an instant vector. Offers the PromQL operators as fluent methods; the
 * result of a binary operation can be refined with {@link VectorBinary#on(String...)},
 * {@link VectorBinary#groupLeft(String...)} or {@link VectorBinary#bool()}.
 *
 * <pre>{@code
 * InstantVectorExpr errors = sum(rate(metric("http_requests_total").where(label("code").matches("5..")).over(minutes(5)))).by("job");
 * InstantVectorExpr total  = sum(rate(metric("http_requests_total").over(minutes(5)))).by("job");
 * errors.div(total).gt(0.05);   // sum by (job) (...) / sum by (job) (...) > 0.05
 * }</pre>
 */
public sealed interface InstantVectorExpr extends Expr
        permits VectorSelector, VectorCall, Aggregation, VectorBinary, VectorUnary, VectorParen {

    @Override
    default ValueType type() {
        return ValueType.VECTOR;
    }

    /** @return {@code this + other}. */
    default VectorBinary plus(Expr other) {
        return VectorBinary.of(BinaryOp.ADD, this, other);
    }

    /** @return {@code this + value}. */
    default VectorBinary plus(double value) {
        return plus(NumberLiteral.of(value));
    }

    /** @return {@code this - other}. */
    default VectorBinary minus(Expr other) {
        return VectorBinary.of(BinaryOp.SUB, this, other);
    }

    /** @return {@code this - value}. */
    default VectorBinary minus(double value) {
        return minus(NumberLiteral.of(value));
    }

    /** @return {@code this * other}. */
    default VectorBinary times(Expr other) {
        return VectorBinary.of(BinaryOp.MUL, this, other);
    }

    /** @return {@code this * value}. */
    default VectorBinary times(double value) {
        return times(NumberLiteral.of(value));
    }

    /** @return {@code this / other}. */
    default VectorBinary div(Expr other) {
        return VectorBinary.of(BinaryOp.DIV, this, other);
    }

    /** @return {@code this / value}. */
    default VectorBinary div(double value) {
        return div(NumberLiteral.of(value));
    }

    /** @return {@code this % other}. */
    default VectorBinary mod(Expr other) {
        return VectorBinary.of(BinaryOp.MOD, this, other);
    }

    /** @return {@code this % value}. */
    default VectorBinary mod(double value) {
        return mod(NumberLiteral.of(value));
    }

    /** @return {@code this ^ other}. */
    default VectorBinary pow(Expr other) {
        return VectorBinary.of(BinaryOp.POW, this, other);
    }

    /** @return {@code this ^ value}. */
    default VectorBinary pow(double value) {
        return pow(NumberLiteral.of(value));
    }

    /** @return {@code this atan2 other}. */
    default VectorBinary atan2(Expr other) {
        return VectorBinary.of(BinaryOp.ATAN2, this, other);
    }

    /** @return {@code this atan2 value}. */
    default VectorBinary atan2(double value) {
        return atan2(NumberLiteral.of(value));
    }

    /** @return the filter {@code this == other} (add {@link VectorBinary#bool()} for 0/1 results). */
    default VectorBinary eq(Expr other) {
        return VectorBinary.of(BinaryOp.EQL, this, other);
    }

    /** @return the filter {@code this == value}. */
    default VectorBinary eq(double value) {
        return eq(NumberLiteral.of(value));
    }

    /** @return the filter {@code this != other}. */
    default VectorBinary ne(Expr other) {
        return VectorBinary.of(BinaryOp.NEQ, this, other);
    }

    /** @return the filter {@code this != value}. */
    default VectorBinary ne(double value) {
        return ne(NumberLiteral.of(value));
    }

    /** @return the filter {@code this > other}. */
    default VectorBinary gt(Expr other) {
        return VectorBinary.of(BinaryOp.GTR, this, other);
    }

    /** @return the filter {@code this > value}. */
    default VectorBinary gt(double value) {
        return gt(NumberLiteral.of(value));
    }

    /** @return the filter {@code this < other}. */
    default VectorBinary lt(Expr other) {
        return VectorBinary.of(BinaryOp.LSS, this, other);
    }

    /** @return the filter {@code this < value}. */
    default VectorBinary lt(double value) {
        return lt(NumberLiteral.of(value));
    }

    /** @return the filter {@code this >= other}. */
    default VectorBinary ge(Expr other) {
        return VectorBinary.of(BinaryOp.GTE, this, other);
    }

    /** @return the filter {@code this >= value}. */
    default VectorBinary ge(double value) {
        return ge(NumberLiteral.of(value));
    }

    /** @return the filter {@code this <= other}. */
    default VectorBinary le(Expr other) {
        return VectorBinary.of(BinaryOp.LTE, this, other);
    }

    /** @return the filter {@code this <= value}. */
    default VectorBinary le(double value) {
        return le(NumberLiteral.of(value));
    }

    /** @return {@code this and other}. */
    default VectorBinary and(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.AND, this, other);
    }

    /** @return {@code this or other}. */
    default VectorBinary or(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.OR, this, other);
    }

    /** @return {@code this unless other}. */
    default VectorBinary unless(InstantVectorExpr other) {
        return VectorBinary.of(BinaryOp.UNLESS, this, other);
    }

    /** @return {@code -this}. */
    default VectorUnary negate() {
        return new VectorUnary(UnaryOp.MINUS, this);
    }

    /** @return the subquery {@code this[range:step]}. */
    default Subquery subquery(Duration range, Duration step) {
        return Subquery.of(this, PromDuration.of(range), PromDuration.of(step));
    }

    /** @return the subquery {@code this[range:step]}. */
    default Subquery subquery(PromDuration range, PromDuration step) {
        return Subquery.of(this, range, step);
    }

    /** @return the subquery {@code this[range:]} at the default resolution. */
    default Subquery subquery(Duration range) {
        return Subquery.of(this, PromDuration.of(range), PromDuration.ZERO);
    }

    /** @return the subquery {@code this[range:]} at the default resolution. */
    default Subquery subquery(PromDuration range) {
        return Subquery.of(this, range, PromDuration.ZERO);
    }
}
