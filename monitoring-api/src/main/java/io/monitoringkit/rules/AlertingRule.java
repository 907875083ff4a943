package io.monitoringkit.rules;

import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.PromQL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An alerting rule. Label and annotation values are templates (see {@link io.monitoringkit.template.Templates});
 * {@code for} and {@code keep_firing_for} are zero when unset, as Prometheus treats them.
 *
 * <pre>{@code
 * AlertingRule r = AlertingRule.builder("HighErrorRate")
 *         .expr("sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.05")
 *         .forDuration(PromDuration.ofMinutes(10))
 *         .label("severity", "page")
 *         .annotation("summary", "{{ $value | humanizePercentage }} of requests fail")
 *         .build();
 * }</pre>
 *
 * @param alert the alert's name
 * @param expr the expression
 * @param forDuration how long the condition must hold before firing ({@code for})
 * @param keepFiringFor how long to keep firing after the condition cleared ({@code keep_firing_for})
 * @param labels labels added to the alert (templates), sorted by name
 * @param annotations annotations (templates), sorted by name
 */
public record AlertingRule(String alert, Expr expr, PromDuration forDuration, PromDuration keepFiringFor,
                           Map<String, String> labels, Map<String, String> annotations) implements Rule {

    /** Copies and sorts the maps; rejects nulls and negative durations. */
    public AlertingRule {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(forDuration, "forDuration");
        Objects.requireNonNull(keepFiringFor, "keepFiringFor");
        if (forDuration.isNegative()) {
            throw new IllegalArgumentException("\"" + forDuration + "\" is negative; 'for' must not be");
        }
        if (keepFiringFor.isNegative()) {
            throw new IllegalArgumentException("\"" + keepFiringFor + "\" is negative; 'keep_firing_for' must not be");
        }
        labels = RuleMaps.copy(labels, "labels");
        annotations = RuleMaps.copy(annotations, "annotations");
    }

    @Override
    public String name() {
        return alert;
    }

    /** @return a builder for an alert named {@code alert}. */
    public static Builder builder(String alert) {
        return new Builder(alert);
    }

    /** @return a builder holding this rule's values. */
    public Builder toBuilder() {
        Builder b = new Builder(alert).expr(expr).forDuration(forDuration).keepFiringFor(keepFiringFor);
        b.labels.putAll(labels);
        b.annotations.putAll(annotations);
        return b;
    }

    /** Builds an {@link AlertingRule}. */
    public static final class Builder {
        private final String alert;
        private Expr expr;
        private PromDuration forDuration = PromDuration.ZERO;
        private PromDuration keepFiringFor = PromDuration.ZERO;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();

        private Builder(String alert) {
            this.alert = Objects.requireNonNull(alert, "alert");
        }

        /** Sets the expression. */
        public Builder expr(Expr expr) {
            this.expr = Objects.requireNonNull(expr, "expr");
            return this;
        }

        /** Parses and sets the expression. @throws io.monitoringkit.promql.PromQLParseException when invalid */
        public Builder expr(String expr) {
            return expr(PromQL.parse(expr));
        }

        /** Sets {@code for}. */
        public Builder forDuration(PromDuration d) {
            this.forDuration = Objects.requireNonNull(d, "forDuration");
            return this;
        }

        /** Sets {@code keep_firing_for}. */
        public Builder keepFiringFor(PromDuration d) {
            this.keepFiringFor = Objects.requireNonNull(d, "keepFiringFor");
            return this;
        }

        /** Adds a label (its value is a template). */
        public Builder label(String name, String value) {
            labels.put(Objects.requireNonNull(name, "label name"), Objects.requireNonNull(value, "label value"));
            return this;
        }

        /** Adds an annotation (its value is a template). */
        public Builder annotation(String name, String value) {
            annotations.put(Objects.requireNonNull(name, "annotation name"),
                    Objects.requireNonNull(value, "annotation value"));
            return this;
        }

        /** @return the rule. @throws IllegalStateException when no expression was set */
        public AlertingRule build() {
            if (expr == null) {
                throw new IllegalStateException("alert \"" + alert + "\": field 'expr' must be set");
            }
            return new AlertingRule(alert, expr, forDuration, keepFiringFor, labels, annotations);
        }
    }
}
