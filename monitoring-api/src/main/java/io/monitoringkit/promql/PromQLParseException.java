package io.monitoringkit.promql;

/**
 * A PromQL syntax or type error, with its 1-based line and column. {@link #getMessage()} reads
 * {@code line:column: reason}.
 *
 * <pre>{@code
 * try {
 *     PromQL.parse("sum(rate(x[5m])");
 * } catch (PromQLParseException e) {
 *     e.line(); e.column(); e.reason();   // 1, 16, "unclosed left parenthesis"
 * }
 * }</pre>
 */
public final class PromQLParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param line   1-based line of the error
     * @param column 1-based column (in characters) of the error
     * @param reason what is wrong, without the position
     */
    public PromQLParseException(int line, int column, String reason) {
        super(line + ":" + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** @return the 1-based line. */
    public int line() {
        return line;
    }

    /** @return the 1-based column. */
    public int column() {
        return column;
    }

    /** @return the message without the position. */
    public String reason() {
        return reason;
    }
}
