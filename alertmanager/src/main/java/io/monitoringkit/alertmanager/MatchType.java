package io.monitoringkit.alertmanager;

/**
 * The four operators of an Alertmanager label matcher.
 *
 * <pre>{@code
 * Matcher m = Matcher.of("severity", MatchType.REGEX, "critical|page");
 * m.type().operator();   // "=~"
 * }</pre>
 */
public enum MatchType {
    /** {@code =}: the label's value equals the matcher's value. */
    EQUAL("="),
    /** {@code !=}: the label's value differs from the matcher's value. */
    NOT_EQUAL("!="),
    /** {@code =~}: the label's value matches the fully anchored RE2 regular expression. */
    REGEX("=~"),
    /** {@code !~}: the label's value does not match the fully anchored regular expression. */
    NOT_REGEX("!~");

    private final String operator;

    MatchType(String operator) {
        this.operator = operator;
    }

    /** The operator as written in a matcher: {@code =}, {@code !=}, {@code =~} or {@code !~}. */
    public String operator() {
        return operator;
    }

    /** Whether the operator takes a regular expression. */
    public boolean isRegex() {
        return this == REGEX || this == NOT_REGEX;
    }

    /** The type of {@code operator}, e.g. {@code "=~"} gives {@link #REGEX}. */
    public static MatchType ofOperator(String operator) {
        for (MatchType t : values()) {
            if (t.operator.equals(operator)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + operator + "' is not a matcher operator (=, !=, =~, !~)");
    }
}
