package io.monitoringkit.promql;

import io.monitoringkit.model.Names;
import io.monitoringkit.model.PromDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An instant vector selector: an optional metric name, label matchers, an optional {@code offset} and
 * {@code @} modifier. Prometheus requires at least one matcher that does not match the empty string (a metric
 * name counts).
 *
 * <pre>{@code
 * VectorSelector s = metric("http_requests_total").where(label("code").matches("5.."), label("job").eq("api"));
 * s.over(minutes(5));               // http_requests_total{code=~"5..",job="api"}[5m]
 * s.offset(hours(1));               // ... offset 1h
 * }</pre>
 *
 * <p>The record is canonical, so that two selectors Prometheus prints alike are equal and
 * {@code parse(print(e))} gives {@code e} back: the matchers are kept sorted as Prometheus prints them (by their
 * rendered text, in code point order), and a lone {@code __name__="..."} equality matcher whose value is not a
 * legacy metric name becomes the name ({@code {"my.metric"}} and {@code {__name__="my.metric"}} are the same
 * selector; Prometheus 3.x prints both as the latter). A non-legacy name next to other {@code __name__} matchers
 * stays a matcher, as in Prometheus' tree; only a legacy name written before the braces excludes them.
 *
 * @param name     the metric name, or {@code ""} when the selector has none (a {@code __name__} matcher may
 *                 then stand in {@code matchers})
 * @param matchers the label matchers other than the metric name, sorted as Prometheus prints them
 * @param offset   the offset ({@link PromDuration#ZERO} for none; negative allowed)
 * @param at       the {@code @} modifier, if any
 */
public record VectorSelector(String name, List<LabelMatcher> matchers, PromDuration offset, Optional<AtModifier> at)
        implements InstantVectorExpr {

    /**
     * Validates the selector as Prometheus' parser does.
     *
     * @throws IllegalArgumentException when no matcher can restrict the selection, or the name is set twice
     */
    public VectorSelector {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(at, "at");
        List<LabelMatcher> sorted = new ArrayList<>(matchers);
        sorted.sort(PromQLPrinter.MATCHER_ORDER);
        if (name.isEmpty()) {
            int nameMatchers = 0;
            int candidate = -1;
            for (int i = 0; i < sorted.size(); i++) {
                LabelMatcher m = sorted.get(i);
                if (m.name().equals(Names.METRIC_NAME_LABEL)) {
                    nameMatchers++;
                    if (m.op() == MatchOp.EQUAL && !m.value().isEmpty() && !PromQLPrinter.isBareMetricName(m.value())) {
                        candidate = i;
                    }
                }
            }
            if (nameMatchers == 1 && candidate >= 0) {
                name = sorted.remove(candidate).value();
            }
        } else if (!PromQLPrinter.isBareMetricName(name)
                && sorted.stream().anyMatch(m -> m.name().equals(Names.METRIC_NAME_LABEL))) {
            // a quoted name is a matcher in Prometheus' tree ({"my.metric", __name__!="x"}), so it may meet others
            Names.requireUtf8Name(name, "metric name");
            sorted.add(new LabelMatcher(Names.METRIC_NAME_LABEL, MatchOp.EQUAL, name));
            sorted.sort(PromQLPrinter.MATCHER_ORDER);
            name = "";
        }
        matchers = List.copyOf(sorted);
        if (!name.isEmpty()) {
            Names.requireUtf8Name(name, "metric name");
            for (LabelMatcher m : matchers) {
                if (m.name().equals(Names.METRIC_NAME_LABEL)) {
                    throw new IllegalArgumentException("metric name must not be set twice: \"" + name + "\" or \""
                            + m.value() + "\"");
                }
            }
        } else {
            if (matchers.isEmpty()) {
                throw new IllegalArgumentException("vector selector must contain at least one non-empty matcher");
            }
            boolean restricting = false;
            for (LabelMatcher m : matchers) {
                if (!m.matchesEmpty()) {
                    restricting = true;
                    break;
                }
            }
            if (!restricting) {
                throw new IllegalArgumentException("vector selector must contain at least one non-empty matcher");
            }
        }
    }

    /**
     * @return a selector of all series of metric {@code name}
     * @throws IllegalArgumentException when {@code name} is empty or not well-formed
     */
    public static VectorSelector metric(String name) {
        Names.requireUtf8Name(name, "metric name");
        return new VectorSelector(name, List.of(), PromDuration.ZERO, Optional.empty());
    }

    /** @return a selector without a metric name: {@code {matchers}}. */
    public static VectorSelector matching(LabelMatcher... matchers) {
        return new VectorSelector("", List.of(matchers), PromDuration.ZERO, Optional.empty());
    }

    /** @return this selector with {@code more} matchers appended. */
    public VectorSelector where(LabelMatcher... more) {
        List<LabelMatcher> all = new ArrayList<>(matchers);
        all.addAll(List.of(more));
        return new VectorSelector(name, all, offset, at);
    }

    /** @return this selector with {@code more} matchers appended. */
    public VectorSelector where(List<LabelMatcher> more) {
        return where(more.toArray(new LabelMatcher[0]));
    }

    /** @return this selector with {@code offset}. */
    public VectorSelector offset(Duration offset) {
        return offset(PromDuration.of(offset));
    }

    /** @return this selector with {@code offset}. */
    public VectorSelector offset(PromDuration offset) {
        return new VectorSelector(name, matchers, offset, at);
    }

    /** @return this selector evaluated at {@code at}. */
    public VectorSelector at(AtModifier at) {
        return new VectorSelector(name, matchers, offset, Optional.of(at));
    }

    /** @return this selector evaluated at {@code instant}. */
    public VectorSelector at(Instant instant) {
        return at(AtModifier.of(instant));
    }

    /** @return the range selector {@code this[range]}. */
    public MatrixSelector over(Duration range) {
        return new MatrixSelector(this, PromDuration.of(range));
    }

    /** @return the range selector {@code this[range]}. */
    public MatrixSelector over(PromDuration range) {
        return new MatrixSelector(this, range);
    }

    /** @return the metric name, from the name position or an equality {@code __name__} matcher. */
    public Optional<String> metricName() {
        if (!name.isEmpty()) {
            return Optional.of(name);
        }
        for (LabelMatcher m : matchers) {
            if (m.name().equals(Names.METRIC_NAME_LABEL) && m.op() == MatchOp.EQUAL) {
                return Optional.of(m.value());
            }
        }
        return Optional.empty();
    }

    /** @return all matchers including {@code __name__="name"} when a name is set, as Prometheus evaluates them. */
    public List<LabelMatcher> allMatchers() {
        if (name.isEmpty()) {
            return matchers;
        }
        List<LabelMatcher> all = new ArrayList<>(matchers.size() + 1);
        all.addAll(matchers);
        all.add(new LabelMatcher(Names.METRIC_NAME_LABEL, MatchOp.EQUAL, name));
        return List.copyOf(all);
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
