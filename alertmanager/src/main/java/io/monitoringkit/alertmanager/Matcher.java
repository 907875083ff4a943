package io.monitoringkit.alertmanager;

import io.monitoringkit.alertmanager.internal.AmRegex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Alertmanager label matcher such as {@code severity=~"critical|page"}, as used in {@code matchers} of
 * routes and inhibit rules and in silences.
 *
 * <p>{@link #parse(String)} and {@link #parseList(String)} follow Alertmanager 0.25's parser
 * ({@code pkg/labels/parse.go}): the value may be bare or double-quoted; inside it {@code \"}, {@code \n} and
 * {@code \\} are escapes and any other backslash is literal; a list is comma-separated outside quotes, with
 * optional surrounding braces and a tolerated trailing comma. {@link #toString()} prints the form Alertmanager
 * prints ({@code name="value"} with the value always quoted and escaped), which parses back to an equal matcher.
 * Regular expressions are RE2, fully anchored; like Go's {@code regexp}, {@code .} does not match a newline.
 *
 * <pre>{@code
 * Matcher m = Matcher.parse("service =~ \"api|web\"");
 * m.toString();                              // service=~"api|web"
 * m.matches(Map.of("service", "api"));       // true
 * List<Matcher> all = Matcher.parseList("{team=\"db\", severity!=info}");
 * }</pre>
 *
 * @param name  the label name
 * @param type  the operator
 * @param value the value or, for regex operators, the regular expression (unanchored, as written)
 */
public record Matcher(String name, MatchType type, String value) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern MATCHER = Pattern.compile(
            "^[\\t\\n\\f\\r ]*([a-zA-Z_:][a-zA-Z0-9_:]*)[\\t\\n\\f\\r ]*(=~|=|!=|!~)[\\t\\n\\f\\r ]*(.*?)"
                    + "[\\t\\n\\f\\r ]*$", Pattern.DOTALL);

    /**
     * Checks the name and, for regex operators, the regular expression.
     *
     * @throws IllegalArgumentException quoting the bad name or regular expression
     */
    public Matcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid matcher label name");
        }
        if (type.isRegex()) {
            AmRegex.problem(value).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
        }
    }

    /** A matcher {@code name type value}. */
    public static Matcher of(String name, MatchType type, String value) {
        return new Matcher(name, type, value);
    }

    /** {@code name="value"}. */
    public static Matcher equal(String name, String value) {
        return new Matcher(name, MatchType.EQUAL, value);
    }

    /** {@code name!="value"}. */
    public static Matcher notEqual(String name, String value) {
        return new Matcher(name, MatchType.NOT_EQUAL, value);
    }

    /** {@code name=~"regex"}. */
    public static Matcher regex(String name, String regex) {
        return new Matcher(name, MatchType.REGEX, regex);
    }

    /** {@code name!~"regex"}. */
    public static Matcher notRegex(String name, String regex) {
        return new Matcher(name, MatchType.NOT_REGEX, regex);
    }

    /**
     * Parses one matcher as Alertmanager 0.25 does.
     *
     * @throws IllegalArgumentException with Alertmanager's message, e.g. {@code bad matcher format: foo}
     */
    public static Matcher parse(String text) {
        Objects.requireNonNull(text, "text");
        java.util.regex.Matcher m = MATCHER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad matcher format: " + text);
        }
        String raw = m.group(3);
        String rawValue = raw;
        boolean expectTrailingQuote = false;
        if (!rawValue.isEmpty() && rawValue.charAt(0) == '"') {
            rawValue = rawValue.substring(1);
            expectTrailingQuote = true;
        }
        StringBuilder value = new StringBuilder(rawValue.length());
        boolean escaped = false;
        for (int i = 0; i < rawValue.length(); i++) {
            char c = rawValue.charAt(i);
            if (escaped) {
                escaped = false;
                switch (c) {
                    case 'n' -> value.append('\n');
                    case '"', '\\' -> value.append(c);
                    default -> value.append('\\').append(c);
                }
                continue;
            }
            switch (c) {
                case '\\' -> {
                    if (i < rawValue.length() - 1) {
                        escaped = true;
                    } else {
                        value.append('\\');
                    }
                }
                case '"' -> {
                    if (!expectTrailingQuote || i < rawValue.length() - 1) {
                        throw new IllegalArgumentException("matcher value contains unescaped double quote: " + raw);
                    }
                    expectTrailingQuote = false;
                }
                default -> value.append(c);
            }
        }
        if (expectTrailingQuote) {
            throw new IllegalArgumentException("matcher value contains unescaped double quote: " + raw);
        }
        return new Matcher(m.group(1), MatchType.ofOperator(m.group(2)), value.toString());
    }

    /**
     * Parses a comma-separated list of matchers as Alertmanager 0.25 does for one entry of {@code matchers}:
     * optional braces, commas inside double quotes do not separate, a trailing comma is tolerated, and the
     * empty string is the empty list.
     *
     * @throws IllegalArgumentException with Alertmanager's message for the first bad matcher
     */
    public static List<Matcher> parseList(String text) {
        Objects.requireNonNull(text, "text");
        String s = text;
        if (s.startsWith("{")) {
            s = s.substring(1);
        }
        if (s.endsWith("}")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean insideQuotes = false;
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ',' -> {
                    if (!insideQuotes) {
                        tokens.add(token.toString());
                        token.setLength(0);
                        continue;
                    }
                }
                case '"' -> {
                    if (!escaped) {
                        insideQuotes = !insideQuotes;
                    } else {
                        escaped = false;
                    }
                }
                case '\\' -> escaped = !escaped;
                default -> escaped = false;
            }
            token.append(c);
        }
        String last = token.toString().strip();
        if (!last.isEmpty()) {
            tokens.add(last);
        }
        List<Matcher> matchers = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            matchers.add(parse(t));
        }
        return List.copyOf(matchers);
    }

    /**
     * Whether an alert with {@code labels} matches; a missing label has the empty value.
     */
    public boolean matches(Map<String, String> labels) {
        return matchesValue(labels.getOrDefault(name, ""));
    }

    /** Whether a label value {@code v} satisfies this matcher. */
    public boolean matchesValue(String v) {
        return switch (type) {
            case EQUAL -> v.equals(value);
            case NOT_EQUAL -> !v.equals(value);
            case REGEX -> AmRegex.compile(value).matcher(v).matches();
            case NOT_REGEX -> !AmRegex.compile(value).matcher(v).matches();
        };
    }

    /** {@code name<op>"value"} with the value escaped ({@code \\}, {@code \"}, {@code \n}) as Alertmanager prints it. */
    @Override
    public String toString() {
        return name + type.operator() + quote(value);
    }

    static String quote(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
