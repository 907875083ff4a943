package io.monitoringkit.promql;

import io.monitoringkit.model.Names;
import java.util.Objects;

/**
 * The start of a label matcher in the DSL: {@code label("code").matches("5..")}. Values are taken literally
 * and quoted by the printer; {@link #oneOf(String...)} escapes regex metacharacters, so user input can be
 * matched safely.
 *
 * <pre>{@code
 * label("job").eq("api");                 // job="api"
 * label("code").matches("5..");           // code=~"5.."
 * label("path").oneOf("/a.b", "/c|d");    // path=~"/a\\.b|/c\\|d"
 * }</pre>
 *
 * @param name the label name
 */
public record LabelName(String name) {

    /** Checks the name (any non-empty UTF-8). */
    public LabelName {
        Objects.requireNonNull(name, "name");
        Names.requireUtf8Name(name, "label name");
    }

    /** @return {@code name="value"}. */
    public LabelMatcher eq(String value) {
        return new LabelMatcher(name, MatchOp.EQUAL, value);
    }

    /** @return {@code name!="value"}. */
    public LabelMatcher ne(String value) {
        return new LabelMatcher(name, MatchOp.NOT_EQUAL, value);
    }

    /** @return {@code name=~"regex"} (RE2, fully anchored). */
    public LabelMatcher matches(String regex) {
        return new LabelMatcher(name, MatchOp.REGEX, regex);
    }

    /** @return {@code name!~"regex"} (RE2, fully anchored). */
    public LabelMatcher notMatches(String regex) {
        return new LabelMatcher(name, MatchOp.NOT_REGEX, regex);
    }

    /** @return a regex matcher for any of the literal {@code values} (metacharacters escaped). */
    public LabelMatcher oneOf(String... values) {
        return matches(alternation(values));
    }

    /** @return a negative regex matcher for all of the literal {@code values} (metacharacters escaped). */
    public LabelMatcher noneOf(String... values) {
        return notMatches(alternation(values));
    }

    /** @return {@code name!=""}: the label is present. */
    public LabelMatcher present() {
        return ne("");
    }

    /** @return {@code name=""}: the label is absent. */
    public LabelMatcher absent() {
        return eq("");
    }

    private static String alternation(String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("oneOf/noneOf need at least one value");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(quoteRegex(Objects.requireNonNull(values[i], "value")));
        }
        return sb.toString();
    }

    /** @return {@code literal} with every RE2 metacharacter escaped. */
    public static String quoteRegex(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
