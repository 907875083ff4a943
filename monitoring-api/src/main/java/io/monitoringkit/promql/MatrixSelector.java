package io.monitoringkit.promql;

import io.monitoringkit.model.PromDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A range vector selector {@code selector[range]}. Its {@code offset} and {@code @} live on the inner
 * selector, as in Prometheus, and are printed after the range: {@code x[5m] offset 1h}.
 *
 * <pre>{@code
 * MatrixSelector m = metric("http_requests_total").over(minutes(5));   // http_requests_total[5m]
 * rate(m.offset(hours(1)));   // rate(http_requests_total[5m] offset 1h)
 * }</pre>
 *
 * @param selector the instant vector selector
 * @param range    the range, greater than zero
 */
public record MatrixSelector(VectorSelector selector, PromDuration range) implements RangeVectorExpr {

    /**
     * @throws IllegalArgumentException when the range is not positive
     */
    public MatrixSelector {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(range, "range");
        if (range.millis() <= 0) {
            throw new IllegalArgumentException("range of selector " + selector.name() + " must be greater than 0, got "
                    + range);
        }
    }

    /** @return this range selector with the inner selector's offset set. */
    public MatrixSelector offset(Duration offset) {
        return new MatrixSelector(selector.offset(offset), range);
    }

    /** @return this range selector with the inner selector's offset set. */
    public MatrixSelector offset(PromDuration offset) {
        return new MatrixSelector(selector.offset(offset), range);
    }

    /** @return this range selector evaluated at {@code at}. */
    public MatrixSelector at(AtModifier at) {
        return new MatrixSelector(selector.at(at), range);
    }

    /** @return this range selector evaluated at {@code instant}. */
    public MatrixSelector at(Instant instant) {
        return new MatrixSelector(selector.at(instant), range);
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
