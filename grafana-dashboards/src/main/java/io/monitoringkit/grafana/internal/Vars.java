package io.monitoringkit.grafana.internal;

import io.monitoringkit.metrics.ExpressionSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana template variables inside query text: finding them ({@code $var}, {@code ${var}}, {@code ${var:fmt}},
 * {@code [[var]]}) and substituting them, with Grafana's global macros, by PromQL that parses, so a query can be
 * checked by the PromQL parser without a Grafana server.
 */
public final class Vars {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[0-9A-Za-z_]+");
    /** Grafana's variable syntaxes (the regex Grafana's template service uses, restated). */
    public static final Pattern REFERENCE = Pattern.compile(
            "\\$([A-Za-z0-9_]+)|\\[\\[([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?]]|\\$\\{([A-Za-z0-9_]+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

    /** Grafana's global macros that stand for a duration. */
    public static final Set<String> DURATION_MACROS = Set.of("__rate_interval", "__interval", "__range",
            "__auto");
    /** Grafana's global macros that stand for a number. */
    public static final Set<String> NUMBER_MACROS = Set.of("__range_s", "__range_ms", "__interval_ms",
            "__rate_interval_ms", "__from", "__to");
    /** Grafana's global variables that need no definition in the dashboard. */
    public static final Set<String> GLOBALS = Set.of("__rate_interval", "__interval", "__range", "__auto",
            "__range_s", "__range_ms", "__interval_ms", "__rate_interval_ms", "__from", "__to", "__dashboard",
            "__user", "__org", "__name", "__timeFilter", "__timezone", "__url", "__url_time_range", "timeFilter",
            "__data", "__field", "__series", "__value", "__cell", "__all_variables", "__calc", "__timeFrom",
            "__timeTo", "__unixEpochFilter", "__timeGroup", "__timeGroupAlias", "__sceneObject");

    private static final Set<String> SCALAR_FIRST = Set.of("topk", "bottomk", "quantile", "limitk", "limit_ratio",
            "histogram_quantile", "quantile_over_time", "count_values");

    private Vars() {
    }

    /** @throws IllegalArgumentException when {@code name} is not a Grafana variable name */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid variable name: use letters, digits"
                    + " and underscores");
        }
        return name;
    }

    /** @return the names of the variables referenced in {@code text}, in order of first use. */
    public static Set<String> referenced(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            out.add(name(m));
        }
        return out;
    }

    private static String name(Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
    }

    /**
     * @return {@code promql} with every variable and macro replaced by something of the right kind for where it
     *     stands: a duration in {@code [..]}, after {@code offset} or in a subquery step; a number for numeric
     *     macros, after an operator and as the first argument of {@code topk} and friends; the plain word
     *     {@code var} inside string literals; and an identifier elsewhere (a metric or label name).
     */
    public static String substituteForParsing(String promql) {
        return substituteForParsing(promql, "5m", "5m");
    }

    /** The duration {@link #substituteForLinting} puts for {@code $__rate_interval}. */
    public static final String RATE_INTERVAL_STAND_IN = "3141s";

    /** The duration {@link #substituteForLinting} puts for other duration variables and macros. */
    public static final String OTHER_DURATION_STAND_IN = "2718s";

    /**
     * @return as {@link #substituteForParsing(String)}, but {@code $__rate_interval} becomes 3141s and other
     *     duration variables 2718s, so a linter can tell them from literal durations
     */
    public static String substituteForLinting(String promql) {
        return substituteForParsing(promql, RATE_INTERVAL_STAND_IN, OTHER_DURATION_STAND_IN);
    }

    /**
     * @return the replacements {@link #substituteForParsing(String)} makes, with their positions in {@code promql}
     *     (so a checker can map positions in the substituted text back to the original)
     */
    public static List<ExpressionSource.Replacement> replacementsForParsing(String promql) {
        List<ExpressionSource.Replacement> out = new ArrayList<>();
        substituteForParsing(promql, "5m", "5m", out);
        return out;
    }

    private static String substituteForParsing(String promql, String rateInterval, String otherDuration) {
        return substituteForParsing(promql, rateInterval, otherDuration, null);
    }

    private static String substituteForParsing(String promql, String rateInterval, String otherDuration,
                                               List<ExpressionSource.Replacement> replacements) {
        StringBuilder out = new StringBuilder(promql.length());
        int i = 0;
        int n = promql.length();
        char quote = 0;
        while (i < n) {
            char c = promql.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`' && i + 1 < n) {
                    out.append(c).append(promql.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                    out.append(c);
                    i++;
                    continue;
                }
                Matcher m = match(promql, i);
                if (m != null) {
                    out.append("var");
                    if (replacements != null) {
                        replacements.add(new ExpressionSource.Replacement(i, m.end(), "var"));
                    }
                    i = m.end();
                    continue;
                }
                out.append(c);
                i++;
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
                out.append(c);
                i++;
                continue;
            }
            if (c == '#') { // comment to end of line
                int eol = promql.indexOf('\n', i);
                eol = eol < 0 ? n : eol;
                out.append(promql, i, eol);
                i = eol;
                continue;
            }
            Matcher m = match(promql, i);
            if (m != null) {
                String name = name(m);
                String r = name.equals("__rate_interval") ? rateInterval : replacement(name, out);
                String text = r.equals("5m") ? otherDuration : r;
                out.append(text);
                if (replacements != null) {
                    replacements.add(new ExpressionSource.Replacement(i, m.end(), text));
                }
                i = m.end();
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Matcher match(String s, int at) {
        char c = s.charAt(at);
        if (c != '$' && !(c == '[' && s.startsWith("[[", at))) {
            return null;
        }
        Matcher m = REFERENCE.matcher(s);
        m.region(at, s.length());
        return m.lookingAt() ? m : null;
    }

    private static String replacement(String name, StringBuilder before) {
        if (NUMBER_MACROS.contains(name)) {
            return "1";
        }
        int j = before.length() - 1;
        while (j >= 0 && Character.isWhitespace(before.charAt(j))) {
            j--;
        }
        char prev = j >= 0 ? before.charAt(j) : 0;
        if (DURATION_MACROS.contains(name) || prev == '[' || prev == ':' || endsWithWord(before, j, "offset")) {
            return "5m";
        }
        if ("+-*/%^<>=!,".indexOf(prev) >= 0 && prev != 0) {
            return prev == ',' && inGrouping(before, j) ? "var" : "1";
        }
        if (prev == '(' && SCALAR_FIRST.contains(wordBefore(before, j))) {
            return "1";
        }
        if (prev == '(' && isGroupingKeyword(wordBefore(before, j))) {
            return "var";
        }
        return "var";
    }

    private static boolean inGrouping(StringBuilder b, int j) {
        int open = b.lastIndexOf("(", j);
        return open >= 0 && b.indexOf(")", open) < 0 && isGroupingKeyword(wordBefore(b, open));
    }

    private static boolean isGroupingKeyword(String w) {
        return w.equals("by") || w.equals("without") || w.equals("on") || w.equals("ignoring")
                || w.equals("group_left") || w.equals("group_right");
    }

    private static boolean endsWithWord(StringBuilder b, int j, String word) {
        return wordBefore(b, j + 1).equals(word);
    }

    /** @return the identifier ending just before index {@code end} (after skipping spaces), or "". */
    private static String wordBefore(StringBuilder b, int end) {
        int j = end - 1;
        while (j >= 0 && Character.isWhitespace(b.charAt(j))) {
            j--;
        }
        int e = j + 1;
        while (j >= 0 && (Character.isLetterOrDigit(b.charAt(j)) || b.charAt(j) == '_')) {
            j--;
        }
        return b.substring(j + 1, e);
    }
}
