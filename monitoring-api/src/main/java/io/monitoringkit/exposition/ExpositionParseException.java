package io.monitoringkit.exposition;

/**
 * An exposition is malformed. Names the 1-based line and column (counted in Unicode code points) and what was
 * expected there.
 *
 * <pre>{@code
 * try {
 *     ExpositionParser.parse("up{job=} 1\n", ExpositionFormat.PROMETHEUS_TEXT);
 * } catch (ExpositionParseException e) {
 *     e.line();    // 1
 *     e.column();  // 8
 *     e.reason();  // expected '"' to start the value of label "job", got '}'
 * }
 * }</pre>
 */
public final class ExpositionParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param line 1-based line
     * @param column 1-based column in code points
     * @param reason what is wrong
     */
    public ExpositionParseException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** @return the 1-based line number. */
    public int line() {
        return line;
    }

    /** @return the 1-based column, counted in Unicode code points. */
    public int column() {
        return column;
    }

    /** @return what is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
