package io.monitoringkit.promql;

/**
 * The four label matcher operators.
 *
 * <pre>{@code
 * label("code").matches("5..").op();  // MatchOp.REGEX
 * }</pre>
 */
public enum MatchOp {
    /** {@code =} */ EQUAL("="),
    /** {@code !=} */ NOT_EQUAL("!="),
    /** {@code =~} (fully anchored RE2) */ REGEX("=~"),
    /** {@code !~} (fully anchored RE2) */ NOT_REGEX("!~");

    private final String symbol;

    MatchOp(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as written. */
    public String symbol() {
        return symbol;
    }

    /** @return whether the value is a regular expression. */
    public boolean isRegex() {
        return this == REGEX || this == NOT_REGEX;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
