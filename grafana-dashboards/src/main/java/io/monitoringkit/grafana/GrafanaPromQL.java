package io.monitoringkit.grafana;

import io.monitoringkit.grafana.internal.Vars;
import io.monitoringkit.model.PromDuration;
import io.monitoringkit.promql.Expr;
import io.monitoringkit.promql.ExprVisitor;
import io.monitoringkit.promql.LabelMatcher;
import io.monitoringkit.promql.MatchOp;
import io.monitoringkit.promql.MatrixSelector;
import io.monitoringkit.promql.ParseOptions;
import io.monitoringkit.promql.PromQL;
import io.monitoringkit.promql.PromQLParseException;
import io.monitoringkit.promql.StringLiteral;
import io.monitoringkit.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PromQL with Grafana's template syntax, rendered by the one PromQL printer.
 *
 * <p>Grafana variables inside PromQL are label matchers whose value is {@code $name}: {@link #variable} gives
 * {@code namespace=~"$namespace"} for a multi-value variable and {@code namespace="$namespace"} otherwise; the
 * printer quotes and escapes them like any other value.
 *
 * <p>Grafana's interval macros ({@code $__rate_interval}, {@code $__interval}, {@code $__range}) stand where
 * PromQL has a duration, which the typed AST cannot hold. They are carried as <b>placeholder durations</b>
 * ({@link #RATE_INTERVAL}, {@link #INTERVAL}, {@link #RANGE}: odd, century-long values no dashboard uses) and
 * {@link #render} prints the expression and then substitutes the placeholders' text by the macro names.
 * Injection: the substituted text is one of three fixed macro names, never user input; a placeholder is
 * replaced only where the printer put a duration (after {@code [} or {@code :} or {@code offset}, up to
 * {@code ]} or {@code :}); and rendering fails if any string literal or label value in the expression contains
 * a placeholder's text, so string content can never be rewritten.
 *
 * <pre>{@code
 * Variable ns = Variable.query("namespace", VariableQuery.labelValues("kube_pod_info", "namespace"))
 *         .multi(true).includeAll(true).build();
 * Expr e = sum(rate(metric("http_requests_total").where(ns.matcher("namespace"))
 *         .over(GrafanaPromQL.RATE_INTERVAL))).by("code");
 * GrafanaPromQL.render(e); // sum by (code) (rate(http_requests_total{namespace=~"$namespace"}[$__rate_interval]))
 * }</pre>
 */
public final class GrafanaPromQL {

    /** Placeholder for {@code $__rate_interval}. */
    public static final PromDuration RATE_INTERVAL = PromDuration.ofMillis(3_141_592_653_589L);
    /** Placeholder for {@code $__interval}. */
    public static final PromDuration INTERVAL = PromDuration.ofMillis(3_141_592_653_579L);
    /** Placeholder for {@code $__range}. */
    public static final PromDuration RANGE = PromDuration.ofMillis(3_141_592_653_569L);

    private static final Map<String, String> MACROS = Map.of(
            printed(RATE_INTERVAL), "$__rate_interval",
            printed(INTERVAL), "$__interval",
            printed(RANGE), "$__range");

    /** @return the placeholder as the PromQL printer prints a range (not PromDuration's own form). */
    private static String printed(PromDuration d) {
        String s = VectorSelector.metric("x").over(d).toString();
        return s.substring(s.indexOf('[') + 1, s.lastIndexOf(']'));
    }

    private static final String[] TOKENS = MACROS.keySet().toArray(new String[0]);

    private GrafanaPromQL() {
    }

    /** @return {@code selector[$__rate_interval]} (rendered by {@link #render}). */
    public static MatrixSelector overRateInterval(VectorSelector selector) {
        return selector.over(RATE_INTERVAL);
    }

    /**
     * @return {@code label=~"$variable"} when {@code multiValue}, else {@code label="$variable"}
     * @throws IllegalArgumentException when the label or variable name is invalid
     */
    public static LabelMatcher variable(String label, String variable, boolean multiValue) {
        Vars.requireName(variable);
        return LabelMatcher.of(label, multiValue ? MatchOp.REGEX : MatchOp.EQUAL, "$" + variable);
    }

    /**
     * @return the expression printed as PromQL, with placeholder durations replaced by Grafana's macros
     * @throws IllegalArgumentException when a string in the expression contains a placeholder's text
     */
    public static String render(Expr e) {
        String text = e.toString();
        boolean any = false;
        for (String token : TOKENS) {
            if (text.contains(token)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return text;
        }
        for (String s : strings(e)) {
            for (String token : MACROS.keySet()) {
                if (s.contains(token)) {
                    throw new IllegalArgumentException("string \"" + s + "\" contains the text of a Grafana macro"
                            + " placeholder (" + token + "); it cannot be rendered safely");
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int best = -1;
            String bestToken = null;
            for (String token : TOKENS) {
                int at = text.indexOf(token, i);
                while (at >= 0 && !durationPosition(text, at, token.length())) {
                    at = text.indexOf(token, at + 1);
                }
                if (at >= 0 && (best < 0 || at < best)) {
                    best = at;
                    bestToken = token;
                }
            }
            if (best < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, best).append(MACROS.get(bestToken));
            i = best + bestToken.length();
        }
        return out.toString();
    }

    private static boolean durationPosition(String text, int start, int len) {
        char before = start > 0 ? text.charAt(start - 1) : 0;
        int end = start + len;
        char after = end < text.length() ? text.charAt(end) : 0;
        boolean okBefore = before == '[' || before == ':' || (before == ' ' && text.startsWith("offset ", start - 7));
        boolean okAfter = after == ']' || after == ':' || after == 0 || after == ' ' || after == ')';
        return okBefore && okAfter;
    }

    private static List<String> strings(Expr e) {
        List<String> out = new ArrayList<>();
        e.accept(new ExprVisitor.Walker<Void>(null, (a, b) -> null) {
            @Override
            public Void visit(StringLiteral s) {
                out.add(s.value());
                return null;
            }

            @Override
            public Void visit(VectorSelector s) {
                out.add(s.name());
                for (LabelMatcher m : s.matchers()) {
                    out.add(m.value());
                }
                return null;
            }
        });
        return out;
    }

    /**
     * Checks Grafana query text: variables and macros are substituted by placeholders of the right kind and the
     * result is parsed and type-checked as PromQL.
     *
     * @return the parsed expression after substitution (for inspection, not for rendering)
     * @throws PromQLParseException when the query does not parse; positions refer to the substituted text
     */
    public static Expr check(String grafanaQuery) {
        return PromQL.parse(Vars.substituteForParsing(grafanaQuery), ParseOptions.defaults());
    }

    /** @return the text with variables and macros substituted as {@link #check} does (to explain positions). */
    public static String substituteForParsing(String grafanaQuery) {
        return Vars.substituteForParsing(grafanaQuery);
    }
}
