package io.monitoringkit.promql;

import java.util.Optional;

/**
 * PromQL's binary operators with their precedence (1 binds loosest) and associativity.
 *
 * <pre>{@code
 * BinaryOp.fromSymbol("unless");   // Optional[UNLESS]
 * BinaryOp.POW.isRightAssociative(); // true
 * }</pre>
 */
public enum BinaryOp {
    /** {@code +} */ ADD("+", 4, Kind.ARITHMETIC),
    /** {@code -} */ SUB("-", 4, Kind.ARITHMETIC),
    /** {@code *} */ MUL("*", 5, Kind.ARITHMETIC),
    /** {@code /} */ DIV("/", 5, Kind.ARITHMETIC),
    /** {@code %} */ MOD("%", 5, Kind.ARITHMETIC),
    /** {@code atan2} */ ATAN2("atan2", 5, Kind.ARITHMETIC),
    /** {@code ^} */ POW("^", 6, Kind.ARITHMETIC),
    /** {@code ==} */ EQL("==", 3, Kind.COMPARISON),
    /** {@code !=} */ NEQ("!=", 3, Kind.COMPARISON),
    /** {@code >} */ GTR(">", 3, Kind.COMPARISON),
    /** {@code <} */ LSS("<", 3, Kind.COMPARISON),
    /** {@code >=} */ GTE(">=", 3, Kind.COMPARISON),
    /** {@code <=} */ LTE("<=", 3, Kind.COMPARISON),
    /** {@code </}: trims a native histogram's upper part (not a comparison: no {@code bool}). */
    TRIM_UPPER("</", 3, Kind.ARITHMETIC),
    /** {@code >/}: trims a native histogram's lower part (not a comparison: no {@code bool}). */
    TRIM_LOWER(">/", 3, Kind.ARITHMETIC),
    /** {@code and} */ AND("and", 2, Kind.SET),
    /** {@code or} */ OR("or", 1, Kind.SET),
    /** {@code unless} */ UNLESS("unless", 2, Kind.SET);

    /** The operator families, which differ in what PromQL allows. */
    public enum Kind {
        /** Arithmetic: {@code + - * / % ^ atan2}, and the histogram trims {@code </ >/}. */
        ARITHMETIC,
        /** Comparison: {@code == != > < >= <=}; may carry {@code bool}. */
        COMPARISON,
        /** Set operators between instant vectors: {@code and or unless}. */
        SET
    }

    private final String symbol;
    private final int precedence;
    private final Kind kind;

    BinaryOp(String symbol, int precedence, Kind kind) {
        this.symbol = symbol;
        this.precedence = precedence;
        this.kind = kind;
    }

    /** @return the operator as written in PromQL. */
    public String symbol() {
        return symbol;
    }

    /** @return the precedence, 1 (loosest, {@code or}) to 6 ({@code ^}). */
    public int precedence() {
        return precedence;
    }

    /** @return the operator family. */
    public Kind kind() {
        return kind;
    }

    /** @return whether this is {@code == != > < >= <=}. */
    public boolean isComparison() {
        return kind == Kind.COMPARISON;
    }

    /** @return whether this is {@code and or unless}. */
    public boolean isSetOperator() {
        return kind == Kind.SET;
    }

    /** @return whether this operator groups right to left (only {@code ^}). */
    public boolean isRightAssociative() {
        return this == POW;
    }

    /** @return the operator written as {@code symbol} (keywords case-insensitive, as in PromQL). */
    public static Optional<BinaryOp> fromSymbol(String symbol) {
        for (BinaryOp op : values()) {
            if (op.symbol.equalsIgnoreCase(symbol)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
