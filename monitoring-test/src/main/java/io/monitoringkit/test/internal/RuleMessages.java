package io.monitoringkit.test.internal;

import io.monitoringkit.engine.rules.Alert;
import io.monitoringkit.engine.rules.RuleEvaluationError;
import io.monitoringkit.model.GoStrings;
import io.monitoringkit.model.Labels;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.Exprs;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.VectorSelector;
import io.monitoringkit.query.QueryResult;
import io.monitoringkit.rules.AlertingRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pieces of {@code RuleTester}'s failure messages: alerts, series and samples printed one per line, and the
 * context every failure ends with (every alert's state, the selected series' values, rule evaluation errors).
 *
 * <pre>{@code
 * RuleMessages.alert(a);   // firing   HighErrorRate{code="500"} active since 2m, firing since 7m, value 0.5
 * RuleMessages.time(PromDuration.ofMinutes(10));   // 10m
 * }</pre>
 */
public final class RuleMessages {
    /** At most this many lines per list (series of one selector, samples, alerts of a rule). */
    static final int MAX_LINES = 25;

    private RuleMessages() {
    }

    /** @return {@code t} as a duration since the start of the series: {@code 10m}, {@code 1h30m}, {@code 0s} */
    public static String time(PromDuration t) {
        return t.toString();
    }

    /** @return {@code t} as a duration since the Unix epoch (where the series start) */
    public static String time(Instant t) {
        return PromDuration.ofMillis(t.toEpochMilli()).toString();
    }

    /** @return a sample value: integers without a fraction, others with every digit, {@code NaN}, {@code +Inf} */
    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return v == 0 && 1 / v < 0 ? "-0" : Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** @return {@code name{a="1"}} (or just {@code name}) for labels holding {@code __name__}, else {@code {a="1"}} */
    public static String series(Labels labels) {
        String name = labels.getOrEmpty("__name__");
        Labels rest = labels.without("__name__");
        if (name.isEmpty()) {
            return rest.toString();
        }
        return rest.isEmpty() ? name : name + rest;
    }

    /** @return an alert's labels without {@code alertname}, {@code {}} when none is left */
    public static String alertLabels(Alert a) {
        return a.labels().without("alertname").toString();
    }

    /** @return annotations as {@code {summary="..."}} with Go-quoted values */
    public static String annotations(Map<String, String> annotations) {
        StringBuilder sb = new StringBuilder("{");
        annotations.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=');
            GoStrings.quoteTo(sb, v);
        });
        return sb.append('}').toString();
    }

    /** @return one line for an alert: state, name and labels, when it became active, fired, resolved, its value */
    public static String alert(Alert a) {
        StringBuilder sb = new StringBuilder();
        String state = a.state().label();
        sb.append(state).append(" ".repeat(Math.max(1, 9 - state.length())));
        Labels rest = a.labels().without("alertname");
        sb.append(a.alertName()).append(rest.isEmpty() ? "" : rest.toString());
        sb.append(" active since ").append(time(a.activeAt()));
        a.firedAt().ifPresent(t -> sb.append(", firing since ").append(time(t)));
        a.keepFiringSince().ifPresent(t -> sb.append(", kept firing since ").append(time(t)));
        a.resolvedAt().ifPresent(t -> sb.append(", resolved at ").append(time(t)));
        return sb.append(", value ").append(value(a.value())).toString();
    }

    /** @return one line for a rule evaluation error: where, when, what */
    public static String error(RuleEvaluationError e) {
        return "group \"" + e.group() + "\", rule " + (e.ruleIndex() + 1) + " \"" + e.rule() + "\" at "
                + time(e.time()) + ": " + e.message();
    }

    /** @return {@code  {a="1"} 2} lines of a query result, or {@code  (no samples)} */
    public static List<String> samples(QueryResult r) {
        List<String> out = new ArrayList<>();
        if (r instanceof QueryResult.Scalar s) {
            out.add("scalar " + value(s.value()));
        } else if (r instanceof QueryResult.Vector v) {
            for (int i = 0; i < v.size(); i++) {
                out.add(series(v.labels(i)) + " " + value(v.value(i)));
            }
        } else {
            out.add(r.resultType() + " result");
        }
        return out;
    }

    /** Appends {@code lines}, each indented, at most {@link #MAX_LINES}, then how many were left out. */
    public static void appendLines(StringBuilder sb, String indent, List<String> lines) {
        if (lines.isEmpty()) {
            sb.append(indent).append("(none)\n");
            return;
        }
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            sb.append(indent).append(lines.get(i)).append('\n');
        }
        if (lines.size() > MAX_LINES) {
            sb.append(indent).append("... and ").append(lines.size() - MAX_LINES).append(" more\n");
        }
    }

    /**
     * The context a failing check ends with: every alert at {@code time}; for each of {@code rules} its expression,
     * what it gives and the series it selects, at the last evaluation time; and the rule evaluation errors so far.
     *
     * @param run      the run
     * @param time     the asserted time
     * @param evalTime the last evaluation time at or before it
     * @param alerts   every alert at that time
     * @param rules    the rules whose expressions to show
     * @param exprs    more expressions whose selected series to show (for value checks)
     */
    public static String context(RuleRun run, PromDuration time, PromDuration evalTime, List<Alert> alerts,
            List<AlertingRule> rules, List<String> exprs) {
        StringBuilder sb = new StringBuilder();
        sb.append("Alerts at ").append(time(time));
        if (!evalTime.equals(time)) {
            sb.append(" (rules last evaluated at ").append(time(evalTime)).append(')');
        }
        sb.append(":\n");
        appendLines(sb, "  ", alerts.stream().map(RuleMessages::alert).toList());
        for (AlertingRule rule : rules) {
            sb.append("Expression of ").append(rule.alert()).append(" at ").append(time(evalTime)).append(":\n");
            sb.append("  ").append(rule.expr().toPromQL()).append('\n');
            List<String> gives;
            try {
                gives = samples(run.query(rule.expr().toPromQL(), evalTime));
            } catch (RuntimeException e) {
                gives = List.of("fails: " + e.getMessage());
            }
            sb.append("  gives:\n");
            appendLines(sb, "    ", gives);
        }
        Set<String> shown = new LinkedHashSet<>();
        for (AlertingRule rule : rules) {
            appendSelected(sb, run, rule.expr().toPromQL(), evalTime, shown);
        }
        for (String expr : exprs) {
            appendSelected(sb, run, expr, time, shown);
        }
        List<RuleEvaluationError> errors = run.errors();
        if (!errors.isEmpty()) {
            sb.append("Rule evaluation errors:\n");
            appendLines(sb, "  ", errors.stream().map(RuleMessages::error).toList());
        }
        return sb.toString();
    }

    /**
     * Appends the series {@code expr} selects at {@code at}, then (once each) those of the recording rules that
     * record a metric it selects, so a failure shows the raw series under a chain of recording rules.
     */
    private static void appendSelected(StringBuilder sb, RuleRun run, String expr, PromDuration at, Set<String> shown) {
        if (!shown.add(expr)) {
            return;
        }
        List<VectorSelector> selectors;
        try {
            selectors = Exprs.selectors(PromQL.parse(expr));
        } catch (RuntimeException e) {
            return;
        }
        if (selectors.isEmpty()) {
            return;
        }
        Set<String> lines = new LinkedHashSet<>();
        for (VectorSelector s : new LinkedHashSet<>(selectors)) {
            String text = s.toPromQL();
            try {
                List<String> got = samples(run.query(text, at));
                if (got.isEmpty()) {
                    lines.add(text + ": no samples");
                } else {
                    lines.addAll(got);
                }
            } catch (RuntimeException e) {
                lines.add(text + ": " + e.getMessage());
            }
        }
        sb.append("Series selected at ").append(time(at)).append(" by ").append(expr).append(":\n");
        appendLines(sb, "  ", List.copyOf(lines));
        for (VectorSelector s : selectors) {
            for (String recorded : run.recordingExprs(s.name())) {
                appendSelected(sb, run, recorded, at, shown);
            }
        }
    }
}
