package io.monitoringkit.metrics;

import java.util.Objects;

/**
 * One problem {@link MetricsLinter} found in a metric family, printed as {@code metric_name problem} like
 * {@code promtool check metrics}. Problems of checks that promtool does not have are marked {@code (mkit)}.
 *
 * <pre>{@code
 * LintProblem p = new LintProblem("jobs", "counter metrics should have \"_total\" suffix", false);
 * p.toString();   // jobs counter metrics should have "_total" suffix
 * }</pre>
 *
 * @param metric the metric family name
 * @param text   what is wrong
 * @param mkit   whether this check is ours rather than promtool's
 */
public record LintProblem(String metric, String text, boolean mkit) implements Comparable<LintProblem> {

    /** Rejects nulls. */
    public LintProblem {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(text, "text");
    }

    /** Orders as promtool does: by metric name, then text. */
    @Override
    public int compareTo(LintProblem o) {
        int c = metric.compareTo(o.metric);
        return c != 0 ? c : text.compareTo(o.text);
    }

    /** @return {@code metric_name problem}, with {@code (mkit)} appended for our own checks. */
    @Override
    public String toString() {
        return metric + " " + text + (mkit ? " (mkit)" : "");
    }
}
