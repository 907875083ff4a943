package io.monitoringkit.promql;

import io.monitoringkit.model.Names;
import io.monitoringkit.promql.internal.Re2;
import java.util.Objects;

/**
 * One label matcher of a selector: {@code name op "value"}. The value is stored unescaped; the printer quotes
 * it, so no value can inject PromQL. Regex values must be valid RE2 (Prometheus anchors them on both ends).
 *
 * <pre>{@code
 * LabelMatcher m = PromQL.label("code").matches("5..");   // code=~"5.."
 * LabelMatcher.of("job", MatchOp.EQUAL, "api\"x");        // job="api\"x"
 * }</pre>
 *
 * @param name  the label name (any non-empty UTF-8; non-legacy names are printed quoted)
 * @param op    the operator
 * @param value the value or regex, unescaped
 */
public record LabelMatcher(String name, MatchOp op, String value) {

    /**
     * Validates the matcher.
     *
     * @throws IllegalArgumentException when the name is empty or the regex does not compile
     */
    public LabelMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        Names.requireUtf8Name(name, "label name");
        if (!Names.isWellFormed(value)) {
            throw new IllegalArgumentException("value of label matcher \"" + name + "\" is not valid UTF-8");
        }
        if (op.isRegex()) {
            Re2.check(value).ifPresent(problem -> {
                throw new IllegalArgumentException("invalid regular expression \"" + value + "\" for label \""
                        + name + "\": " + problem);
            });
        }
    }

    /** @return a matcher {@code name op "value"}. */
    public static LabelMatcher of(String name, MatchOp op, String value) {
        return new LabelMatcher(name, op, value);
    }

    /** @return whether this matcher matches the label value {@code v} ({@code ""} for an absent label). */
    public boolean matches(String v) {
        return switch (op) {
            case EQUAL -> value.equals(v);
            case NOT_EQUAL -> !value.equals(v);
            case REGEX -> Re2.compileAnchored(value).matcher(v).matches();
            case NOT_REGEX -> !Re2.compileAnchored(value).matcher(v).matches();
        };
    }

    /** @return whether this matcher matches the empty string (so also series without the label). */
    public boolean matchesEmpty() {
        return matches("");
    }

    @Override
    public String toString() {
        return PromQLPrinter.matcher(this);
    }
}
