package io.monitoringkit.grafana;

import io.monitoringkit.model.Names;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.VectorSelector;
import java.util.Objects;

/**
 * The query of a Prometheus query variable, in the functions Grafana's Prometheus data source offers; selectors
 * and expressions are rendered by the PromQL printer, so chained variables ({@code cluster="$cluster"}) are
 * typed matchers.
 *
 * <pre>{@code
 * VariableQuery.labelValues(metric("kube_pod_info").where(cluster.matcher("cluster")), "namespace");
 * // label_values(kube_pod_info{cluster="$cluster"}, namespace)
 * }</pre>
 */
public final class VariableQuery {
    private final String text;

    private VariableQuery(String text) {
        this.text = text;
    }

    /** @return {@code label_values(label)}. */
    public static VariableQuery labelValues(String label) {
        Names.requireUtf8Name(label, "label name");
        return new VariableQuery("label_values(" + label + ")");
    }

    /** @return {@code label_values(metric, label)}. */
    public static VariableQuery labelValues(String metric, String label) {
        return labelValues(VectorSelector.metric(metric), label);
    }

    /** @return {@code label_values(selector, label)}. */
    public static VariableQuery labelValues(VectorSelector selector, String label) {
        Names.requireUtf8Name(label, "label name");
        return new VariableQuery("label_values(" + GrafanaPromQL.render(selector) + ", " + label + ")");
    }

    /** @return {@code label_names()}. */
    public static VariableQuery labelNames() {
        return new VariableQuery("label_names()");
    }

    /** @return {@code metrics(regex)}. */
    public static VariableQuery metrics(String regex) {
        Objects.requireNonNull(regex, "regex");
        try {
            java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("\"" + regex + "\" is not a valid regular expression: "
                    + e.getDescription(), e);
        }
        return new VariableQuery("metrics(" + regex + ")");
    }

    /** @return {@code query_result(expr)}. */
    public static VariableQuery queryResult(Expr expr) {
        return new VariableQuery("query_result(" + GrafanaPromQL.render(expr) + ")");
    }

    /** @return the query text stored in the variable. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariableQuery q && q.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
