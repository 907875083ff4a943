package io.monitoringkit.promql;

import io.monitoringkit.model.PromDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A subquery {@code expr[range:step]}, with optional {@code offset} and {@code @}.
 *
 * <pre>{@code
 * max_over_time(rate(metric("x").over(minutes(5))).subquery(hours(1), minutes(1)));
 * // max_over_time(rate(x[5m])[1h:1m])
 * }</pre>
 *
 * @param expr   the instant vector expression evaluated at each step
 * @param range  the range, greater than zero
 * @param step   the resolution; {@link PromDuration#ZERO} for the default ({@code [1h:]})
 * @param offset the offset ({@link PromDuration#ZERO} for none)
 * @param at     the {@code @} modifier, if any
 */
public record Subquery(InstantVectorExpr expr, PromDuration range, PromDuration step, PromDuration offset,
                       Optional<AtModifier> at) implements RangeVectorExpr {

    /**
     * @throws IllegalArgumentException when the range is not positive or the step negative
     */
    public Subquery {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(at, "at");
        if (range.millis() <= 0) {
            throw new IllegalArgumentException("subquery range must be greater than 0, got " + range);
        }
        if (step.isNegative()) {
            throw new IllegalArgumentException("subquery step must not be negative, got " + step);
        }
    }

    /** @return {@code expr[range:step]}. */
    public static Subquery of(InstantVectorExpr expr, PromDuration range, PromDuration step) {
        return new Subquery(expr, range, step, PromDuration.ZERO, Optional.empty());
    }

    /** @return this subquery with {@code offset}. */
    public Subquery offset(Duration offset) {
        return offset(PromDuration.of(offset));
    }

    /** @return this subquery with {@code offset}. */
    public Subquery offset(PromDuration offset) {
        return new Subquery(expr, range, step, offset, at);
    }

    /** @return this subquery evaluated at {@code at}. */
    public Subquery at(AtModifier at) {
        return new Subquery(expr, range, step, offset, Optional.of(at));
    }

    /** @return this subquery evaluated at {@code instant}. */
    public Subquery at(Instant instant) {
        return at(AtModifier.of(instant));
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
