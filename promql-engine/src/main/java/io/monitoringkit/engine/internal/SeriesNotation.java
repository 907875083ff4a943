package io.monitoringkit.engine.internal;

import io.monitoringkit.model.Labels;
import io.monitoringkit.model.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series notation of promqltest {@code load} blocks and promtool's {@code input_series}: a series
 * description {@code metric{label="value"}} and an expanding value list such as {@code 0+10x100 _ stale 1x5 3 _x2}.
 *
 * <ul>
 *   <li>{@code a+bxn} expands to the n+1 values {@code a, a+b, ..., a+n*b} (by repeated addition, as Prometheus
 *   does); {@code a-bxn} likewise downwards; {@code axn} is {@code a} n+1 times;</li>
 *   <li>{@code _} is one missing sample and {@code _xn} n missing samples;</li>
 *   <li>{@code stale} is a staleness marker.</li>
 * </ul>
 */
public final class SeriesNotation {

    private static final String NUM = "(?:[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+\\.|Inf|inf|NaN|nan)";
    private static final Pattern ITEM = Pattern.compile(
            "([+-]?" + NUM + ")(?:([+-]" + NUM + ")?x([0-9]+))?");
    private static final Pattern BLANK = Pattern.compile("_(?:x([0-9]+))?");

    /** A missing sample in an expanded value list. */
    public static final double OMITTED = Double.longBitsToDouble(0x7ff0000000000badL);

    private SeriesNotation() {
    }

    /** @return whether an expanded value is a missing sample. */
    public static boolean isOmitted(double v) {
        return Double.doubleToRawLongBits(v) == 0x7ff0000000000badL;
    }

    /**
     * Expands a value list; missing samples are {@link #OMITTED}, staleness markers {@link Staleness#STALE_NAN}.
     *
     * @throws IllegalArgumentException naming the bad item
     */
    public static double[] expand(String values) {
        List<Double> out = new ArrayList<>();
        for (String item : values.trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (item.startsWith("{{")) {
                throw new IllegalArgumentException("native histogram sample \"" + item
                        + "\": native histograms are not supported by promql-engine");
            }
            if (item.equals("stale")) {
                out.add(Staleness.STALE_NAN);
                continue;
            }
            Matcher b = BLANK.matcher(item);
            if (b.matches()) {
                int n = b.group(1) == null ? 1 : parseCount(b.group(1), item);
                for (int i = 0; i < n; i++) {
                    out.add(OMITTED);
                }
                continue;
            }
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid series value \"" + item
                        + "\": expected a number, a+bxn, a-bxn, axn, _, _xn or stale");
            }
            double v = parseNumber(m.group(1));
            if (m.group(3) == null) {
                out.add(v);
                continue;
            }
            int n = parseCount(m.group(3), item);
            double d = m.group(2) == null ? 0 : parseNumber(m.group(2));
            for (int i = 0; i <= n; i++) {
                out.add(v);
                v += d;
            }
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    private static int parseCount(String s, String item) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid repetition count in \"" + item + "\"");
        }
    }

    /** @return a Go-style float: decimal, {@code Inf}, {@code NaN}, with optional sign. */
    public static double parseNumber(String s) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        boolean neg = t.startsWith("-");
        String u = neg ? t.substring(1) : t;
        double v;
        if (u.equalsIgnoreCase("inf") || u.equalsIgnoreCase("infinity")) {
            v = Double.POSITIVE_INFINITY;
        } else if (u.equalsIgnoreCase("nan")) {
            v = Double.NaN;
        } else if (u.startsWith("0x") || u.startsWith("0X")) {
            v = Long.parseLong(u.substring(2), 16);
        } else {
            v = Double.parseDouble(u);
        }
        return neg ? -v : v;
    }

    /**
     * Parses a series description: {@code name}, {@code name{a="b", ...}} or {@code {__name__="x", ...}}
     * (quoted UTF-8 names allowed, Go string escapes in values).
     *
     * @throws IllegalArgumentException naming the position of the problem
     */
    public static Labels parseDescription(String text) {
        String s = text.trim();
        Map<String, String> m = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n && isNameChar(s.charAt(i), i == 0)) {
            i++;
        }
        if (i > 0) {
            m.put(Names.METRIC_NAME_LABEL, s.substring(0, i));
        }
        if (i < n) {
            if (s.charAt(i) != '{') {
                throw new IllegalArgumentException("series description \"" + text + "\": unexpected '" + s.charAt(i)
                        + "' at column " + (i + 1));
            }
            i++;
            boolean firstBare = true;
            while (true) {
                i = skipSpace(s, i);
                if (i >= n) {
                    throw new IllegalArgumentException("series description \"" + text + "\": missing '}'");
                }
                if (s.charAt(i) == '}') {
                    i++;
                    break;
                }
                String name;
                if (s.charAt(i) == '"' || s.charAt(i) == '\'' || s.charAt(i) == '`') {
                    int end = endOfString(s, i, text);
                    name = GoStrings2.unquote(s.substring(i, end));
                    i = end;
                } else {
                    int st = i;
                    while (i < n && isNameChar(s.charAt(i), i == st)) {
                        i++;
                    }
                    if (st == i) {
                        throw new IllegalArgumentException("series description \"" + text
                                + "\": expected a label name at column " + (i + 1));
                    }
                    name = s.substring(st, i);
                }
                i = skipSpace(s, i);
                if (i < n && s.charAt(i) == '=') {
                    i = skipSpace(s, i + 1);
                    if (i >= n || "\"'`".indexOf(s.charAt(i)) < 0) {
                        throw new IllegalArgumentException("series description \"" + text
                                + "\": expected a quoted label value at column " + (i + 1));
                    }
                    int end = endOfString(s, i, text);
                    String value = GoStrings2.unquote(s.substring(i, end));
                    i = end;
                    if (m.put(name, value) != null) {
                        throw new IllegalArgumentException("series description \"" + text + "\": label \"" + name
                                + "\" given twice");
                    }
                } else if (firstBare && !m.containsKey(Names.METRIC_NAME_LABEL)) {
                    m.put(Names.METRIC_NAME_LABEL, name);
                } else {
                    throw new IllegalArgumentException("series description \"" + text + "\": expected '=' after \""
                            + name + "\" at column " + (i + 1));
                }
                firstBare = false;
                i = skipSpace(s, i);
                if (i < n && s.charAt(i) == ',') {
                    i++;
                }
            }
            if (skipSpace(s, i) != n) {
                throw new IllegalArgumentException("series description \"" + text + "\": unexpected text after '}'");
            }
        }
        return Labels.from(m);
    }

    private static int endOfString(String s, int start, String text) {
        char q = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && q != '`') {
                i++;
            } else if (c == q) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("series description \"" + text + "\": unterminated string at column "
                + (start + 1));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }

    /**
     * Splits a line {@code <series> <values>} at the end of the series description.
     *
     * @return {description, values}
     */
    public static String[] splitLine(String line) {
        String s = line.trim();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return new String[] {s.substring(0, i + 1), s.substring(i + 1).trim()};
                }
            } else if (Character.isWhitespace(c) && depth == 0) {
                return new String[] {s.substring(0, i), s.substring(i).trim()};
            }
        }
        return new String[] {s, ""};
    }
}
