package io.monitoringkit.engine.ruletest;

import io.monitoringkit.engine.ruletest.internal.GoText;
import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why one test group of a rule test file failed; {@link #message()} is promtool's text for it.
 *
 * <pre>{@code
 * for (RuleTestFailure f : result.failures()) {
 *     if (f instanceof RuleTestFailure.AlertMismatch m) {
 *         m.alertname();      // "HighErrorRate"
 *         m.got();            // the firing alerts
 *     }
 *     System.err.println(f.message());
 * }
 * }</pre>
 */
public sealed interface RuleTestFailure permits RuleTestFailure.AlertMismatch, RuleTestFailure.SampleMismatch,
        RuleTestFailure.ExprError, RuleTestFailure.RuleEvalError, RuleTestFailure.TestError {

    /** @return the failure as promtool prints it (possibly several lines). */
    String message();

    /**
     * The firing alerts of {@code alertname} at {@code evalTime} are not the expected ones.
     *
     * @param testName the test group's {@code name}, "" when unnamed (promtool then prints no name line)
     * @param alertname the alert name tested
     * @param evalTime the {@code eval_time}
     * @param expected the expected alerts ({@code alertname} label added), sorted as promtool sorts them
     * @param got the firing alerts, sorted likewise
     */
    record AlertMismatch(String testName, String alertname, PromDuration evalTime, List<AlertSnapshot> expected,
                         List<AlertSnapshot> got) implements RuleTestFailure {
        /** Copies. */
        public AlertMismatch {
            Objects.requireNonNull(testName, "testName");
            Objects.requireNonNull(alertname, "alertname");
            Objects.requireNonNull(evalTime, "evalTime");
            expected = List.copyOf(expected);
            got = List.copyOf(got);
        }

        @Override
        public String message() {
            String name = testName.isEmpty() ? "" : "    name: " + testName + ",\n";
            return name + "    alertname: " + alertname + ", time: " + evalTime + ", \n        exp:"
                    + GoText.indentLines(AlertSnapshot.render(expected), "            ") + ", \n        got:"
                    + GoText.indentLines(AlertSnapshot.render(got), "            ");
        }
    }

    /**
     * A PromQL check returned other samples than expected.
     *
     * @param expr the expression
     * @param evalTime the {@code eval_time}
     * @param expected the expected samples, sorted by labels
     * @param got the returned samples, sorted by labels
     */
    record SampleMismatch(String expr, PromDuration evalTime, List<SampleSnapshot> expected,
                          List<SampleSnapshot> got) implements RuleTestFailure {
        /** Copies. */
        public SampleMismatch {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(evalTime, "evalTime");
            expected = List.copyOf(expected);
            got = List.copyOf(got);
        }

        @Override
        public String message() {
            return "    expr: " + GoStrings.quote(expr) + ", time: " + evalTime + ",\n        exp: "
                    + SampleSnapshot.render(expected) + "\n        got: " + SampleSnapshot.render(got);
        }
    }

    /**
     * A PromQL check could not run: the expression does not parse or fails, returns a range vector or string, or an
     * expected sample's labels do not parse.
     *
     * @param expr the expression
     * @param evalTime the {@code eval_time}
     * @param error the error, e.g. {@code 1:5: parse error: unclosed left parenthesis}
     */
    record ExprError(String expr, PromDuration evalTime, String error) implements RuleTestFailure {
        /** Rejects nulls. */
        public ExprError {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(evalTime, "evalTime");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String message() {
            return "    expr: " + GoStrings.quote(expr) + ", time: " + evalTime + ", err: " + error;
        }
    }

    /**
     * A rule failed to evaluate; as in promtool, the test group stops at that evaluation time (its PromQL checks do
     * not run).
     *
     * @param rule the rule's name (alert name or recorded metric)
     * @param time the evaluation time, from the Unix epoch
     * @param error the error
     */
    record RuleEvalError(String rule, Duration time, String error) implements RuleTestFailure {
        /** Rejects nulls. */
        public RuleEvalError {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String message() {
            return "    rule: " + rule + ", time: " + GoText.goDuration(time.toMillis()) + ", err: " + error;
        }
    }

    /**
     * The test group could not run: bad input series, rule files that do not load, an alert check without
     * {@code alertname}.
     *
     * @param error the problem, naming the file, line and field where known
     */
    record TestError(String error) implements RuleTestFailure {
        /** Rejects null. */
        public TestError {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String message() {
            return error;
        }
    }

    /**
     * An alert as a check sees it: labels ({@code alertname} included) and annotations, each sorted by name. Values
     * may be empty (expected annotations and labels can be).
     *
     * <pre>{@code
     * AlertSnapshot a = AlertSnapshot.of(Map.of("alertname", "Down", "job", "api"), Map.of("summary", "api down"));
     * a.toString();   // Labels:{alertname="Down", job="api"}\nAnnotations:{summary="api down"}
     * }</pre>
     *
     * @param labels the labels, sorted by name
     * @param annotations the annotations, sorted by name
     */
    record AlertSnapshot(List<Labels.Label> labels, List<Labels.Label> annotations)
            implements Comparable<AlertSnapshot> {
        /** Copies. */
        public AlertSnapshot {
            labels = List.copyOf(labels);
            annotations = List.copyOf(annotations);
        }

        /** @return a snapshot of the given maps (sorted by name). */
        public static AlertSnapshot of(Map<String, String> labels, Map<String, String> annotations) {
            return new AlertSnapshot(sorted(labels), sorted(annotations));
        }

        private static List<Labels.Label> sorted(Map<String, String> m) {
            List<Labels.Label> out = new ArrayList<>(m.size());
            m.forEach((k, v) -> out.add(new Labels.Label(k, v)));
            out.sort((a, b) -> GoStrings.compare(a.name(), b.name()));
            return out;
        }

        /** Orders as promtool sorts alerts: by labels, then annotations. */
        @Override
        public int compareTo(AlertSnapshot o) {
            int c = GoText.compare(labels, o.labels);
            return c != 0 ? c : GoText.compare(annotations, o.annotations);
        }

        /** promtool's rendering: {@code Labels:{...}} and {@code Annotations:{...}} on two lines. */
        @Override
        public String toString() {
            return "Labels:" + GoText.labels(labels) + "\nAnnotations:" + GoText.labels(annotations);
        }

        static String render(List<AlertSnapshot> alerts) {
            if (alerts.isEmpty()) {
                return "[]";
            }
            StringBuilder sb = new StringBuilder("[\n0:").append(GoText.indentLines("\n" + alerts.get(0), "  "));
            for (int i = 1; i < alerts.size(); i++) {
                sb.append(",\n").append(i).append(':').append(GoText.indentLines("\n" + alerts.get(i), "  "));
            }
            return sb.append("\n]").toString();
        }
    }

    /**
     * A sample as a PromQL check sees it.
     *
     * <pre>{@code
     * new SampleSnapshot(List.of(new Labels.Label("job", "api")), 0.5).toString();   // {job="api"} 5E-01
     * }</pre>
     *
     * @param labels the labels, sorted by name
     * @param value the value
     */
    record SampleSnapshot(List<Labels.Label> labels, double value) {
        /** Copies. */
        public SampleSnapshot {
            labels = List.copyOf(labels);
        }

        /** promtool's rendering: labels, a blank, the value in Go's {@code %E} form. */
        @Override
        public String toString() {
            return GoText.labels(labels) + " " + GoText.floatE(value);
        }

        static String render(List<SampleSnapshot> samples) {
            if (samples.isEmpty()) {
                return "nil";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < samples.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(samples.get(i));
            }
            return sb.toString();
        }
    }
}
