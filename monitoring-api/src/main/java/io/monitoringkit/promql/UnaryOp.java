package io.monitoringkit.promql;

/**
 * PromQL's unary operators. They bind like multiplication: {@code -a ^ b} is {@code -(a ^ b)}.
 *
 * <pre>{@code
 * metric("x").negate();   // -x
 * }</pre>
 */
public enum UnaryOp {
    /** {@code +} */ PLUS("+"),
    /** {@code -} */ MINUS("-");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as written. */
    public String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
