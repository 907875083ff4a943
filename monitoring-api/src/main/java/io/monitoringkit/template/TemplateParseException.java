package io.monitoringkit.template;

/**
 * A template that Go's text/template (and so Prometheus) would reject. The message is worded as Go's, e.g.
 * {@code template: summary:1: unexpected "}" in operand}; {@link #line()} and {@link #column()} locate the token
 * where the parser stopped.
 *
 * <pre>{@code
 * try {
 *     Templates.parse("summary", "{{ $labels.job }");
 * } catch (TemplateParseException e) {
 *     e.templateName(); // "summary"
 *     e.line();         // 1
 *     e.reason();       // unexpected "}" in operand
 * }
 * }</pre>
 */
public final class TemplateParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param templateName the template's name
     * @param line the 1-based line
     * @param column the 1-based column (in characters)
     * @param reason Go's description of the problem
     */
    public TemplateParseException(String templateName, int line, int column, String reason) {
        super("template: " + templateName + ":" + line + ": " + reason);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** @return the template's name (for alert templates, the rule's name). */
    public String templateName() {
        return templateName;
    }

    /** @return the 1-based line. */
    public int line() {
        return line;
    }

    /** @return the 1-based column, in characters, of the token where parsing stopped. */
    public int column() {
        return column;
    }

    /** @return the cause without the location prefix. */
    public String reason() {
        return reason;
    }
}
